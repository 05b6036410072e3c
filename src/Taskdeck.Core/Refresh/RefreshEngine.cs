using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;

namespace Taskdeck.Core.Refresh;

/// <summary>
/// Keeps every project's result current: answers from the cache while a result is fresh, runs the
/// rest at most <see cref="Concurrency"/> at a time, each under its own timeout, shares one run
/// between simultaneous requests for the same project, and records every outcome per project so
/// that one failure never touches another project.
/// </summary>
public sealed class RefreshEngine : IDisposable
{
    /// <summary>The first retry of a failed provider; each further failure doubles it, up to the interval.</summary>
    public static readonly TimeSpan FailureRetryDelay = TimeSpan.FromSeconds(10);

    private readonly ProviderRunner _runner;
    private readonly IResultCache _cache;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, Task<ProjectResult>> _runsByDirPath = new(StringComparer.Ordinal);

    public RefreshEngine(ProviderRunner runner, IResultCache cache, TimeProvider time, int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _runner = runner;
        _cache = cache;
        _time = time;
        Concurrency = concurrency;
        _slots = new SemaphoreSlim(concurrency, concurrency);
    }

    public int Concurrency { get; }

    /// <summary>Raised when a provider actually starts (after waiting for a free slot).</summary>
    public event Action<Project>? RunStarted;

    /// <summary>Projects whose provider is running or waiting for a slot.</summary>
    public int RunsInFlight => _runsByDirPath.Count;

    public bool IsRunning(Project project) => _runsByDirPath.ContainsKey(project.DirPath);

    /// <summary>What is known about a project without running anything.</summary>
    public ProjectResult Snapshot(Project project, CacheEntry? entry = null) =>
        Assess(project, entry ?? _cache.Get(project.DirPath)).Result;

    /// <summary>
    /// Refreshes many projects and yields each result as it lands: fresh cached ones at once,
    /// the others as their runs finish. The caller orders them; see <see cref="RefreshAllAsync"/>.
    /// </summary>
    public async IAsyncEnumerable<ProjectResult> RefreshAsync(
        IReadOnlyList<Project> projects, RefreshMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entriesByDirPath = _cache.GetMany(projects.Select(project => project.DirPath).ToList());
        var results = Channel.CreateUnbounded<ProjectResult>();
        var runs = new List<Task<ProjectResult>>();
        foreach (var project in projects)
        {
            var (snapshot, isDue) = Assess(project, entriesByDirPath.GetValueOrDefault(project.DirPath));
            var mustRun = mode switch
            {
                RefreshMode.CachedOnly => false,
                RefreshMode.Force => project.ConfigError is null && snapshot.State != ProjectState.Untrusted,
                _ => isDue,
            };

            if (!mustRun)
            {
                results.Writer.TryWrite(snapshot);
                continue;
            }

            var run = RefreshProjectAsync(project, force: true, cancellationToken);
            runs.Add(run);
            _ = ForwardAsync(run, results.Writer);
        }

        if (runs.Count == 0)
        {
            results.Writer.Complete();
        }

        var received = 0;
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
                if (++received == projects.Count)
                {
                    yield break;
                }
            }
        }
        finally
        {
            // On cancellation, return only once every run has killed its processes, so that a
            // caller exiting right after leaves nothing behind.
            await Task.WhenAll(runs.Select(run => run.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }
    }

    /// <summary>Refreshes many projects and returns their results in source order.</summary>
    public async Task<IReadOnlyList<ProjectResult>> RefreshAllAsync(
        IReadOnlyList<Project> projects, RefreshMode mode, CancellationToken cancellationToken)
    {
        var indexByDirPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < projects.Count; index++)
        {
            indexByDirPath.TryAdd(projects[index].DirPath, index);
        }

        var ordered = new ProjectResult[projects.Count];
        await foreach (var result in RefreshAsync(projects, mode, cancellationToken).ConfigureAwait(false))
        {
            ordered[indexByDirPath[result.Project.DirPath]] = result;
        }

        _cache.Flush();
        return ordered;
    }

    /// <summary>
    /// Refreshes one project. Without <paramref name="force"/> a fresh cached result is returned
    /// as is. A request for a project whose run is under way joins that run.
    /// </summary>
    public Task<ProjectResult> RefreshProjectAsync(Project project, bool force, CancellationToken cancellationToken)
    {
        if (!force)
        {
            var (snapshot, isDue) = Assess(project, _cache.Get(project.DirPath));
            if (!isDue)
            {
                return Task.FromResult(snapshot);
            }
        }

        while (true)
        {
            if (_runsByDirPath.TryGetValue(project.DirPath, out var running))
            {
                return running;
            }

            // Known gap: a shared run is cancelled by its first requester's token, not by the last
            // one to give up; both callers today (CLI, dashboard) use one token for everything.
            var run = new TaskCompletionSource<ProjectResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_runsByDirPath.TryAdd(project.DirPath, run.Task))
            {
                _ = CompleteRunAsync(project, run, cancellationToken);
                return run.Task;
            }
        }
    }

    /// <summary>When a project should next be refreshed, counting from its last run.</summary>
    public DateTimeOffset NextDueAt(Project project)
    {
        var entry = _cache.Get(project.DirPath);
        return entry is null ? _time.GetUtcNow() : entry.FinishedAt + FreshnessWindow(project, entry);
    }

    private async Task CompleteRunAsync(Project project, TaskCompletionSource<ProjectResult> run, CancellationToken cancellationToken)
    {
        try
        {
            run.SetResult(await RunAndStoreAsync(project, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException exception)
        {
            run.SetCanceled(exception.CancellationToken);
        }
        catch (Exception exception)
        {
            // A bug in Taskdeck itself must still not take the other projects down.
            run.SetResult(FromFailure(project, _cache.Get(project.DirPath),
                new RunFailure(FailureKind.Exit, $"Taskdeck failed while refreshing project '{project.Name}': {exception.Message}")));
        }
        finally
        {
            _runsByDirPath.TryRemove(new KeyValuePair<string, Task<ProjectResult>>(project.DirPath, run.Task));
        }
    }

    private async Task<ProjectResult> RunAndStoreAsync(Project project, CancellationToken cancellationToken)
    {
        var (provider, refusal) = _runner.Prepare(project);
        if (refusal is not null)
        {
            return FromFailure(project, _cache.Get(project.DirPath), refusal);
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        ProviderRun run;
        DateTimeOffset startedAt;
        try
        {
            startedAt = _time.GetUtcNow();
            RunStarted?.Invoke(project);
            run = await _runner.ExecuteAsync(project, provider!, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }

        var finishedAt = _time.GetUtcNow();
        var previous = _cache.Get(project.DirPath);
        var entry = run.Outcome.Tasks is { } tasks
            ? new CacheEntry(project.DirPath, Fingerprint.Of(project, provider!), tasks, finishedAt, null,
                startedAt, finishedAt, run.Duration, 0, previous?.Tasks, TaskChanges.Between(previous?.Tasks, tasks))
            : new CacheEntry(project.DirPath, Fingerprint.Of(project, provider!), previous?.Tasks, previous?.FetchedAt,
                run.Outcome.Failure, startedAt, finishedAt, run.Duration, (previous?.ConsecutiveFailures ?? 0) + 1,
                previous?.PreviousTasks, previous?.Changes ?? TaskChanges.None);

        if (!_cache.Put(entry))
        {
            // A newer run finished first; its result is the one to show.
            var newer = _cache.Get(project.DirPath)!;
            return FromEntry(project, newer, isFresh: newer.Failure is null, isFromCache: true);
        }

        return FromEntry(project, entry, isFresh: entry.Failure is null, isFromCache: false);
    }

    private static async Task ForwardAsync(Task<ProjectResult> run, ChannelWriter<ProjectResult> writer)
    {
        try
        {
            writer.TryWrite(await run.ConfigureAwait(false));
        }
        catch (OperationCanceledException exception)
        {
            writer.TryComplete(exception);
        }
    }

    /// <summary>
    /// What is known about a project and whether its provider is due to run: when nothing is
    /// cached, when what decides its output changed, or when its latest run is older than its
    /// <see cref="FreshnessWindow"/>.
    /// </summary>
    private (ProjectResult Result, bool IsDue) Assess(Project project, CacheEntry? entry)
    {
        var (provider, failure) = _runner.Prepare(project);
        if (failure is not null)
        {
            // A refusal (broken file, no provider, no trust) is the answer itself: a run would
            // only refuse again, without starting anything.
            return (FromFailure(project, entry, failure), false);
        }

        if (entry is null)
        {
            var unknown = new ProjectResult(project, ProjectState.Stale, null, null, true, null, null, TaskChanges.None);
            return (unknown, true);
        }

        // A failed run stands for its back-off as a good one does for its interval, whether or
        // not an earlier good result is kept beside it; a new fingerprint may be the fix, so it
        // is tried at once.
        var isFresh = IsFresh(project, entry, Fingerprint.Of(project, provider!));
        return (FromEntry(project, entry, isFresh, isFromCache: true), !isFresh);
    }

    private bool IsFresh(Project project, CacheEntry entry, string fingerprint) =>
        entry.Fingerprint == fingerprint && _time.GetUtcNow() - entry.FinishedAt < FreshnessWindow(project, entry);

    /// <summary>How long a result stands: the interval after success, a growing back-off after failures.</summary>
    private static TimeSpan FreshnessWindow(Project project, CacheEntry entry)
    {
        if (entry.Failure is null)
        {
            return project.Interval;
        }

        var doublings = Math.Min(entry.ConsecutiveFailures - 1, 16);
        var backOff = FailureRetryDelay * Math.Pow(2, Math.Max(doublings, 0));
        return backOff < project.Interval ? backOff : project.Interval;
    }

    private ProjectResult FromEntry(Project project, CacheEntry entry, bool isFresh, bool isFromCache)
    {
        if (entry.Failure is { } failure)
        {
            return FromFailure(project, entry, failure, isFromCache);
        }

        return new ProjectResult(
            project, isFresh ? ProjectState.Ok : ProjectState.Stale, entry.Tasks, null, isFromCache,
            entry.FetchedAt, entry.Duration, entry.Changes);
    }

    private static ProjectResult FromFailure(Project project, CacheEntry? entry, RunFailure failure, bool isFromCache = false)
    {
        var state = failure.Kind == FailureKind.Untrusted ? ProjectState.Untrusted
            : entry?.Tasks is not null ? ProjectState.Stale
            : ProjectState.Error;
        return new ProjectResult(
            project, state, entry?.Tasks, failure, isFromCache, entry?.FetchedAt, entry?.Duration,
            entry?.Changes ?? TaskChanges.None);
    }

    public void Dispose() => _slots.Dispose();
}
