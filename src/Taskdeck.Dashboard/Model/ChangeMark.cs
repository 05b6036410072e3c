namespace Taskdeck.Dashboard.Model;

/// <summary>Why a task is marked as changed until the cursor has been on it.</summary>
public enum ChangeMark
{
    None,
    Added,
    StatusChanged,
}
