using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Trust;
using Taskdeck.Dashboard.Details;
using Taskdeck.Dashboard.Model;

namespace Taskdeck.Dashboard.Live;

/// <summary>
/// Keeps the dashboard's model live: starts from what is cached, refreshes in the background,
/// refreshes each project again when its own interval has passed, and runs what the keys ask for.
/// Results are computed on other threads and handed to the UI thread through <c>post</c>; the
/// model is only ever touched there.
/// </summary>
public sealed class DashboardSession : IDisposable
{
    private readonly RefreshEngine _engine;
    private readonly ProviderRunner _runner;
    private readonly IReadOnlyList<Project> _projects;
    private readonly TimeProvider _time;
    private readonly RefreshMode _mode;
    private readonly ITrustStore? _trustStore;
    private readonly Dictionary<string, TrustReview> _reviewsByDirPath = new(StringComparer.Ordinal);
    private readonly Action<Action> _post;
    private readonly CancellationTokenSource _stopping;
    private readonly RefreshScheduler _scheduler;

    public DashboardSession(
        RefreshEngine engine,
        ProviderRunner runner,
        IReadOnlyList<Project> projects,
        TimeProvider time,
        RefreshMode mode,
        ITrustStore? trustStore,
        Action<Action> post,
        CancellationToken cancellationToken)
    {
        _engine = engine;
        _runner = runner;
        _projects = projects;
        _time = time;
        _mode = mode;
        _trustStore = trustStore;
        _post = post;
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _scheduler = new RefreshScheduler(time, due => due.ToList().ForEach(project => Refresh(project, force: false)));

        // What is cached is on screen before anything runs.
        Model = new DashboardModel(projects.Select(project => engine.Snapshot(project)));
    }

    public DashboardModel Model { get; }

    /// <summary>Raised on the UI thread after results or running states changed the model.</summary>
    public event Action? Changed;

    /// <summary>Runs in flight, for the header's "refreshing N/M".</summary>
    public int RunsInFlight => _engine.RunsInFlight;

    public TimeProvider Time => _time;

    /// <summary>Starts the background refresh (unless <c>--cached</c>): fresh results replace cached ones as they land.</summary>
    public void Start()
    {
        if (_mode == RefreshMode.CachedOnly)
        {
            return;
        }

        // Off the UI thread: starting the first runs (and hashing scripts) must not delay the first frame.
        _ = Task.Run(() => ConsumeAsync(_engine.RefreshAsync(_projects, _mode, _stopping.Token)));
    }

    /// <summary>Refreshes one project; with <paramref name="force"/> it runs even if its result is fresh. Joins a run under way.</summary>
    public void Refresh(Project project, bool force) => _ = RefreshOneAsync(project, force);

    public void RefreshAll()
    {
        foreach (var project in _projects)
        {
            Refresh(project, force: true);
        }
    }

    /// <summary>Brings the model's running marks up to date; returns whether any changed.</summary>
    public bool SyncRunning() => Model.SyncRunning(slot => _engine.IsRunning(slot.Project));

    /// <summary>
    /// What trusting a project would mean, or the sentence saying why there is nothing to trust.
    /// </summary>
    public (Page? Review, ResolvedProvider? Provider, string? Message) ReviewTrust(Project project)
    {
        if (_trustStore is null)
        {
            return (null, null, $"Trust cannot be given from here; run 'taskdeck trust {project.DirPath}'.");
        }

        var (provider, failure) = _runner.Prepare(project);
        if (provider is null)
        {
            return (null, null, failure is null ? null : Rendering.RowFormatter.FirstLine(failure.Message));
        }

        if (!provider.NeedsTrust)
        {
            return (null, null, $"Project '{project.Name}' uses {provider.Description}, which needs no trust.");
        }

        var review = _trustStore.Review(project, provider);
        if (review.IsTrusted && review.Changes is null)
        {
            return (null, null, $"Project '{project.Name}' is already trusted.");
        }

        _reviewsByDirPath[project.DirPath] = review;
        return (DetailPages.ForTrust(review), provider, null);
    }

    /// <summary>
    /// Records the trust the user just gave and runs the project at once. What is trusted is
    /// exactly what the review showed: a file changed while the user read it stays untrusted.
    /// </summary>
    public void Trust(Project project, ResolvedProvider provider)
    {
        if (_reviewsByDirPath.Remove(project.DirPath, out var review))
        {
            _trustStore?.Trust(review);
        }
        else
        {
            _trustStore?.Trust(project, provider);
        }

        Refresh(project, force: true);
    }

    /// <summary>
    /// Stops everything: cancels every run, which kills each provider and all it started, and
    /// waits a moment for that to finish so nothing outlives the dashboard.
    /// </summary>
    public void Stop(TimeSpan grace)
    {
        _scheduler.Dispose();
        _stopping.Cancel();

        // Counted naps rather than a clock: a test's fake clock must not make this wait forever.
        const int NapMilliseconds = 10;
        for (var naps = grace.TotalMilliseconds / NapMilliseconds; naps > 0 && _engine.RunsInFlight > 0; naps--)
        {
            Thread.Sleep(NapMilliseconds);
        }
    }

    private async Task ConsumeAsync(IAsyncEnumerable<ProjectResult> results)
    {
        try
        {
            await foreach (var result in results.ConfigureAwait(false))
            {
                _post(() => Accept(result));
            }
        }
        catch (OperationCanceledException)
        {
            // The dashboard is closing.
        }
    }

    private async Task RefreshOneAsync(Project project, bool force)
    {
        try
        {
            var result = await _engine.RefreshProjectAsync(project, force, _stopping.Token).ConfigureAwait(false);
            _post(() => Accept(result));
        }
        catch (OperationCanceledException)
        {
            // The dashboard is closing.
        }
    }

    private void Accept(ProjectResult result)
    {
        Model.Apply(result);
        SyncRunning();
        ScheduleNext(result);
        Changed?.Invoke();
    }

    private void ScheduleNext(ProjectResult result)
    {
        var project = result.Project;
        if (_mode == RefreshMode.CachedOnly || _stopping.IsCancellationRequested)
        {
            return;
        }

        if (result.State == ProjectState.Untrusted || project.ConfigError is not null)
        {
            // Nothing can run until the user acts (trusts it, fixes the file and restarts).
            _scheduler.Unschedule(project);
            return;
        }

        var now = _time.GetUtcNow();
        var dueAt = _engine.NextDueAt(project);

        // A provider that could not even be started stores nothing, so the engine calls it due
        // at once; waiting one interval keeps it from being retried in a tight loop.
        _scheduler.Schedule(project, dueAt > now ? dueAt : now + project.Interval);
    }

    public void Dispose()
    {
        _scheduler.Dispose();
        _stopping.Dispose();
    }
}
