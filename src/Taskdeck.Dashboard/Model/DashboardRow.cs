using Taskdeck.Core.Tasks;

namespace Taskdeck.Dashboard.Model;

/// <summary>One line of the dashboard's tree, as the model laid it out.</summary>
public sealed class DashboardRow
{
    public required RowKind Kind { get; init; }

    public required RowKey Key { get; init; }

    public required ProjectSlot Slot { get; init; }

    public TaskGroup? Group { get; init; }

    public TaskItem? Task { get; init; }

    public NoticeKind Notice { get; init; }

    /// <summary>Whether the project or group shows what is under it.</summary>
    public bool IsExpanded { get; init; }

    /// <summary>Whether the row matches the current search.</summary>
    public bool IsMatch { get; init; }

    /// <summary>How far the row is indented: 0 for projects, 1 for groups and notices, 2 for tasks.</summary>
    public int Depth => Kind switch
    {
        RowKind.Project => 0,
        RowKind.Task => 2,
        _ => 1,
    };
}
