namespace Taskdeck.Core.Tasks;

/// <summary>The coarse meaning of a status, used for colour, sorting, filters and progress.</summary>
public enum StatusCategory
{
    Todo,
    Active,
    Review,
    Blocked,
    Done,
    Dropped,
}
