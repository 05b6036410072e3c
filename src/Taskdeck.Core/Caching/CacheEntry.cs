using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Caching;

/// <summary>
/// What is remembered about one project: its last good result, the last failure if the latest
/// run failed, and what the last good run changed.
/// </summary>
/// <param name="ProjectDirPath">The project's real path: the key.</param>
/// <param name="Fingerprint">Hash of everything that decides the output; a different one means "run again".</param>
/// <param name="Tasks">The last good result, kept through later failures.</param>
/// <param name="FetchedAt">When <paramref name="Tasks"/> was obtained.</param>
/// <param name="Failure">Why the latest run failed, or null when it succeeded.</param>
/// <param name="StartedAt">When the latest run started; an older run never replaces a newer one.</param>
/// <param name="FinishedAt">When the latest run finished; freshness counts from here.</param>
/// <param name="Duration">How long the latest run took.</param>
/// <param name="ConsecutiveFailures">Failed runs in a row, for retry back-off.</param>
/// <param name="PreviousTasks">The good result before <paramref name="Tasks"/>, for change detection.</param>
/// <param name="Changes">What the last good run changed.</param>
public sealed record CacheEntry(
    string ProjectDirPath,
    string Fingerprint,
    TaskList? Tasks,
    DateTimeOffset? FetchedAt,
    RunFailure? Failure,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    TimeSpan Duration,
    int ConsecutiveFailures,
    TaskList? PreviousTasks,
    TaskChanges Changes);
