using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Refresh;

/// <summary>What is known about one project right now: what to show and how far to trust it.</summary>
public sealed record ProjectResult(
    Project Project,
    ProjectState State,
    TaskList? Tasks,
    RunFailure? Failure,
    bool IsFromCache,
    DateTimeOffset? FetchedAt,
    TimeSpan? Duration,
    TaskChanges Changes)
{
    /// <summary>The tasks with the project's status map applied: what users see.</summary>
    public TaskList? ShownTasks => field ??= Tasks?.WithStatusMap(Project.StatusMap);

    public string? CurrentGroupId =>
        ShownTasks is not { } tasks ? null
        : tasks.CurrentGroupId ?? tasks.Groups.FirstOrDefault(group => group.IsCurrent)?.Id;

    public bool IsFailure => State is ProjectState.Error or ProjectState.Untrusted;
}
