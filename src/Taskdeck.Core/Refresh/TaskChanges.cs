using System.Collections.Immutable;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Refresh;

/// <summary>A task whose status moved between two results.</summary>
public sealed record StatusChange(string TaskId, string OldStatus, string NewStatus);

/// <summary>What one refresh changed in a project's tasks compared with its previous result.</summary>
public sealed record TaskChanges(
    ImmutableArray<string> Added,
    ImmutableArray<string> Removed,
    ImmutableArray<StatusChange> StatusChanged)
{
    public static TaskChanges None { get; } = new([], [], []);

    public bool HasChanges => Added.Length + Removed.Length + StatusChanged.Length > 0;

    public bool Equals(TaskChanges? other) =>
        other is not null
        && Added.SequenceEqual(other.Added)
        && Removed.SequenceEqual(other.Removed)
        && StatusChanged.SequenceEqual(other.StatusChanged);

    public override int GetHashCode() => HashCode.Combine(Added.Length, Removed.Length, StatusChanged.Length);

    /// <summary>
    /// Compares two results by task id, in the new result's order (removed ones in the old order).
    /// With no previous result nothing counts as changed: a first run is not news.
    /// </summary>
    public static TaskChanges Between(TaskList? previous, TaskList current)
    {
        if (previous is null)
        {
            return None;
        }

        var oldById = FirstById(previous);
        var newById = FirstById(current);
        var added = ImmutableArray.CreateBuilder<string>();
        var moved = ImmutableArray.CreateBuilder<StatusChange>();
        foreach (var (id, task) in newById)
        {
            if (!oldById.TryGetValue(id, out var old))
            {
                added.Add(id);
            }
            else if (old.Status != task.Status)
            {
                moved.Add(new StatusChange(id, old.Status, task.Status));
            }
        }

        var removed = oldById.Keys.Where(id => !newById.ContainsKey(id)).ToImmutableArray();
        return new TaskChanges(added.ToImmutable(), removed, moved.ToImmutable());
    }

    private static OrderedDictionary<string, TaskItem> FirstById(TaskList list)
    {
        var byId = new OrderedDictionary<string, TaskItem>(StringComparer.Ordinal);
        foreach (var task in list.AllTasks)
        {
            byId.TryAdd(task.Id, task);
        }

        return byId;
    }
}
