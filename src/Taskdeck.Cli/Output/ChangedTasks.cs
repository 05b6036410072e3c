using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Cli.Output;

/// <summary>
/// What <c>list --changed</c> keeps: projects whose latest refresh changed something, and in
/// them the tasks that were added or moved (removed ones are listed by id). Failed projects stay,
/// so the exit code always has its explanation on screen.
/// </summary>
internal sealed class ChangedTasks
{
    private readonly HashSet<string> _taskIds;

    private ChangedTasks(TaskChanges changes) =>
        _taskIds = changes.Added.Concat(changes.StatusChanged.Select(change => change.TaskId))
            .ToHashSet(StringComparer.Ordinal);

    public static ChangedTasks Of(ProjectResult result) => new(result.Changes);

    public static bool IsProjectShown(ProjectResult result) => result.Changes.HasChanges || result.IsFailure;

    public bool Contains(TaskItem task) => _taskIds.Contains(task.Id);

    public bool Contains(TaskGroup group) => group.Tasks.Any(Contains);
}
