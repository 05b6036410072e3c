using System.Collections.Immutable;

namespace Taskdeck.Core.Tasks;

/// <summary>Categories, progress and status mapping over the task model.</summary>
public static class TaskListExtensions
{
    public static StatusCategory Category(this TaskItem task) => StatusCategories.Of(task.Status);

    public static StatusCategory Category(this TaskGroup group) =>
        string.IsNullOrWhiteSpace(group.Status)
            ? StatusCategories.Derive(group.Tasks.Select(task => task.Category()))
            : StatusCategories.Of(group.Status);

    public static Progress Progress(this TaskGroup group) =>
        Tasks.Progress.Of(group.Tasks.Select(task => task.Category()));

    public static Progress Progress(this TaskList list) =>
        list.Groups.Aggregate(default(Progress), (sum, group) => sum + group.Progress());

    /// <summary>The same list with every task and group status passed through the map.</summary>
    public static TaskList WithStatusMap(this TaskList list, StatusMap map)
    {
        if (map.Entries.Count == 0)
        {
            return list;
        }

        return list with
        {
            Groups = list.Groups.Select(group => group with
            {
                Status = group.Status is null ? null : map.Apply(group.Status),
                Tasks = group.Tasks.Select(task => task with { Status = map.Apply(task.Status) })
                    .ToImmutableArray(),
            }).ToImmutableArray(),
        };
    }
}
