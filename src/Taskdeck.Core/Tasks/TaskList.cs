using System.Collections.Immutable;

namespace Taskdeck.Core.Tasks;

/// <summary>
/// Everything one provider run reported for a project: its groups in the provider's order and the
/// group it marks as current.
/// </summary>
public sealed record TaskList(
    ImmutableArray<TaskGroup> Groups,
    string? CurrentGroupId = null,
    string? CurrentGroupTitle = null)
{
    public static TaskList Empty { get; } = new([]);

    public ImmutableArray<TaskGroup> Groups { get; init; } = Groups.IsDefault ? [] : Groups;

    public IEnumerable<TaskItem> AllTasks => Groups.SelectMany(group => group.Tasks);

    public bool Equals(TaskList? other) =>
        other is not null
        && CurrentGroupId == other.CurrentGroupId
        && CurrentGroupTitle == other.CurrentGroupTitle
        && Groups.SequenceEqual(other.Groups);

    public override int GetHashCode() => HashCode.Combine(CurrentGroupId, Groups.Length);
}
