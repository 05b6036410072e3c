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

public static class StatusCategoryNames
{
    /// <summary>The name used in JSON and on screen.</summary>
    public static string ToWireName(this StatusCategory category) => category switch
    {
        StatusCategory.Todo => "todo",
        StatusCategory.Active => "active",
        StatusCategory.Review => "review",
        StatusCategory.Blocked => "blocked",
        StatusCategory.Done => "done",
        StatusCategory.Dropped => "dropped",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
