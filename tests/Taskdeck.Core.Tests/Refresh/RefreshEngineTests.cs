using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Refresh;

public sealed class RefreshEngineTests : IDisposable
{
    private readonly EngineHarness _harness = new(concurrency: 4);

    public void Dispose() => _harness.Dispose();

    private static string Tasks(params string[] ids) =>
        $"{{\"tasks\":[{string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"title\":\"Task {id}\",\"status\":\"todo\"}}"))}]}}";

    private Task<IReadOnlyList<ProjectResult>> RefreshAsync(IReadOnlyList<Project> projects, RefreshMode mode = RefreshMode.Normal) =>
        _harness.Engine.RefreshAllAsync(projects, mode, CancellationToken.None);

    [Fact(Timeout = 30_000)]
    public async Task Refresh_SingleProject_RunsItOnceAndReturnsItsTasks()
    {
        var project = _harness.ScriptProject("solo", Tasks("a", "b"));

        var result = Assert.Single(await RefreshAsync([project]));

        Assert.Equal(ProjectState.Ok, result.State);
        Assert.False(result.IsFromCache);
        Assert.Equal(["a", "b"], result.Tasks!.AllTasks.Select(task => task.Id));
        Assert.Equal(1, _harness.StartedRuns);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_AllProjectsCached_RunsNothing()
    {
        var projects = Enumerable.Range(1, 6).Select(index => _harness.ScriptProject($"p{index}", Tasks($"t{index}"))).ToList();
        await RefreshAsync(projects);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));

        var results = await RefreshAsync(projects);

        Assert.Equal(6, _harness.StartedRuns);
        Assert.All(results, result => Assert.Equal((ProjectState.Ok, true), (result.State, result.IsFromCache)));
        Assert.Equal(projects.Select(project => project.Name), results.Select(result => result.Project.Name));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ManyUncached_RunConcurrentlyUpToTheLimitAndKeepSourceOrder()
    {
        var projects = Enumerable.Range(1, 12)
            .Select(index => _harness.ScriptProject($"p{index:00}", Tasks($"t{index}"), delaySeconds: 0.3))
            .ToList();

        var results = await RefreshAsync(projects);

        Assert.Equal(projects.Select(project => project.Name), results.Select(result => result.Project.Name));
        Assert.Equal(Enumerable.Range(1, 12).Select(index => $"t{index}"), results.Select(result => result.Tasks!.AllTasks.Single().Id));
        Assert.Equal(4, _harness.MaxOverlap());
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_MixedCachedAndUncached_RunsOnlyTheUncached()
    {
        var cached = Enumerable.Range(1, 3).Select(index => _harness.ScriptProject($"cached{index}")).ToList();
        await RefreshAsync(cached);
        var fresh = Enumerable.Range(1, 3).Select(index => _harness.ScriptProject($"new{index}")).ToList();

        var results = await RefreshAsync([cached[0], fresh[0], cached[1], fresh[1], cached[2], fresh[2]]);

        Assert.Equal(6, _harness.StartedRuns);
        Assert.Equal([true, false, true, false, true, false], results.Select(result => result.IsFromCache));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_OneProjectFails_OthersAreUntouched()
    {
        var good1 = _harness.ScriptProject("good1", Tasks("g1"));
        var bad = _harness.ScriptProject("bad", "not json at all");
        var failing = _harness.ScriptProject("failing", Tasks("x"), exitCode: 4);
        var good2 = _harness.ScriptProject("good2", Tasks("g2"));

        var results = await RefreshAsync([good1, bad, failing, good2]);

        Assert.Equal(
            [ProjectState.Ok, ProjectState.Error, ProjectState.Error, ProjectState.Ok],
            results.Select(result => result.State));
        Assert.Equal(FailureKind.Parse, results[1].Failure!.Kind);
        Assert.Equal(FailureKind.Exit, results[2].Failure!.Kind);
        Assert.Equal("g2", results[3].Tasks!.AllTasks.Single().Id);
    }

    [Fact(Timeout = 60_000)]
    public async Task Refresh_MoreProjectsThanTheLimit_AllFinishWithoutDeadlock()
    {
        using var harness = new EngineHarness(concurrency: 2);
        var projects = Enumerable.Range(1, 25).Select(index => harness.ScriptProject($"p{index:00}", Tasks($"t{index}"))).ToList();

        var results = await harness.Engine.RefreshAllAsync(projects, RefreshMode.Normal, CancellationToken.None);

        Assert.All(results, result => Assert.Equal(ProjectState.Ok, result.State));
        Assert.Equal(25, harness.StartedRuns);
        Assert.InRange(harness.MaxOverlap(), 1, 2);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_FailedRun_KeepsTheLastGoodResultAsStale()
    {
        var project = _harness.ScriptProject("p", Tasks("old"));
        await RefreshAsync([project]);
        File.WriteAllText(Path.Combine(project.DirPath, "tasks.sh"), "#!/bin/sh\necho boom >&2\nexit 1\n");

        var result = Assert.Single(await RefreshAsync([project], RefreshMode.Force));

        Assert.Equal(ProjectState.Stale, result.State);
        Assert.Equal(FailureKind.Exit, result.Failure!.Kind);
        Assert.Equal("boom\n", result.Failure.Stderr);
        Assert.Equal("old", result.Tasks!.AllTasks.Single().Id);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ProjectInterval_DecidesWhenItRunsAgain()
    {
        var quick = _harness.ScriptProject("quick", interval: TimeSpan.FromSeconds(10));
        var slow = _harness.ScriptProject("slow", interval: TimeSpan.FromMinutes(5));
        await RefreshAsync([quick, slow]);

        _harness.Time.Advance(TimeSpan.FromSeconds(11));
        var results = await RefreshAsync([quick, slow]);

        Assert.Equal(3, _harness.StartedRuns);
        Assert.Equal([false, true], results.Select(result => result.IsFromCache));
        Assert.Equal(_harness.Time.GetUtcNow() + TimeSpan.FromSeconds(10), _harness.Engine.NextDueAt(quick));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ProjectTimeout_AppliesToThatProjectOnly()
    {
        var hanging = _harness.ScriptProject("hanging", delaySeconds: 30, timeout: TimeSpan.FromMilliseconds(500));
        var patient = _harness.ScriptProject("patient", delaySeconds: 1, timeout: TimeSpan.FromSeconds(10));

        var results = await RefreshAsync([hanging, patient]);

        Assert.Equal(FailureKind.Timeout, results[0].Failure!.Kind);
        Assert.Equal(ProjectState.Ok, results[1].State);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_FailedProject_IsRetriedSoonerThanItsIntervalAndBacksOff()
    {
        var project = _harness.ScriptProject("flaky", exitCode: 1, interval: TimeSpan.FromMinutes(10));
        await RefreshAsync([project]);

        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        await RefreshAsync([project]);
        var runsWithinFirstDelay = _harness.StartedRuns;
        _harness.Time.Advance(TimeSpan.FromSeconds(6));
        await RefreshAsync([project]);
        var runsAfterFirstDelay = _harness.StartedRuns;
        _harness.Time.Advance(TimeSpan.FromSeconds(11));
        await RefreshAsync([project]);
        var runsWithinDoubledDelay = _harness.StartedRuns;

        Assert.Equal((1, 2, 2), (runsWithinFirstDelay, runsAfterFirstDelay, runsWithinDoubledDelay));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_FailureAfterSuccess_IsRetriedOnlyAfterTheBackOff()
    {
        // The script reads tasks.json, so breaking that file fails the run without changing the
        // fingerprint (which hashes the script).
        _harness.Workspace.AddScriptProject("p", Tasks("old"), _harness.RecordDirPath);
        var project = ProjectFactory.Create(_harness.Workspace.PathOf("p"), "./tasks.sh", interval: TimeSpan.FromMinutes(10));
        await RefreshAsync([project]);
        _harness.Time.Advance(TimeSpan.FromMinutes(11));
        File.WriteAllText(Path.Combine(project.DirPath, "tasks.json"), "not json");
        var failed = Assert.Single(await RefreshAsync([project]));

        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        var withinFirstDelay = Assert.Single(await RefreshAsync([project]));
        var runsWithinFirstDelay = _harness.StartedRuns;
        _harness.Time.Advance(TimeSpan.FromSeconds(6));
        await RefreshAsync([project]);
        var runsAfterFirstDelay = _harness.StartedRuns;
        _harness.Time.Advance(TimeSpan.FromSeconds(11));
        await RefreshAsync([project]);
        var runsWithinDoubledDelay = _harness.StartedRuns;

        Assert.Equal((ProjectState.Stale, FailureKind.Parse), (failed.State, failed.Failure?.Kind));
        Assert.Equal((ProjectState.Stale, FailureKind.Parse), (withinFirstDelay.State, withinFirstDelay.Failure?.Kind));
        Assert.Equal("old", withinFirstDelay.Tasks!.AllTasks.Single().Id);
        Assert.Equal((2, 3, 3), (runsWithinFirstDelay, runsAfterFirstDelay, runsWithinDoubledDelay));
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refresh_FailedProjectWhoseFingerprintChanged_RunsAtOnce(bool hadGoodResult)
    {
        var scriptPath = _harness.Workspace.AddScriptProject("p", hadGoodResult ? Tasks("old") : "not json", _harness.RecordDirPath);
        var dirPath = _harness.Workspace.PathOf("p");
        var project = ProjectFactory.Create(dirPath, "./tasks.sh", interval: TimeSpan.FromMinutes(10));
        await RefreshAsync([project]);
        if (hadGoodResult)
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(11));
            File.WriteAllText(Path.Combine(dirPath, "tasks.json"), "not json");
            await RefreshAsync([project]);
        }

        var runsAfterFailure = _harness.StartedRuns;

        // Each change comes a second after the last failure, well within its 10 s back-off.
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var withNewArgs = ProjectFactory.Create(dirPath, "./tasks.sh",
            new Dictionary<string, string> { ["path"] = "elsewhere" }, interval: TimeSpan.FromMinutes(10));
        await RefreshAsync([withNewArgs]);
        var runsAfterArgsChanged = _harness.StartedRuns;
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        File.WriteAllText(Path.Combine(dirPath, "tasks.json"), Tasks("fixed"));
        File.AppendAllText(scriptPath, "# edited\n");
        var afterScriptEdited = Assert.Single(await RefreshAsync([withNewArgs]));

        Assert.Equal(runsAfterFailure + 1, runsAfterArgsChanged);
        Assert.Equal(runsAfterFailure + 2, _harness.StartedRuns);
        Assert.Equal((ProjectState.Ok, false), (afterScriptEdited.State, afterScriptEdited.IsFromCache));
        Assert.Equal("fixed", afterScriptEdited.Tasks!.AllTasks.Single().Id);
    }

    [Fact(Timeout = 30_000)]
    public async Task RefreshAsync_SlowRunUnderWay_YieldsCachedAndFastResultsFirst()
    {
        // The slow provider waits for a gate file that the test creates only once it has the
        // other results; if they were held back until every run finished, it would give up.
        var gatePath = _harness.Workspace.PathOf("gate");
        var slowDir = _harness.Workspace.AddProject("slow", "");
        _harness.Workspace.WriteFile(Path.Combine("slow", "tasks.sh"), $$"""
            #!/bin/sh
            i=0
            while [ ! -e '{{gatePath}}' ] && [ $i -lt 500 ]; do sleep 0.02; i=$((i + 1)); done
            [ -e '{{gatePath}}' ] || exit 7
            echo '{{Tasks("slow")}}'
            """, isExecutable: true);
        var slow = ProjectFactory.Create(slowDir, "./tasks.sh");
        var cached = _harness.ScriptProject("cached", Tasks("cached"));
        var fast = _harness.ScriptProject("fast", Tasks("fast"));
        await RefreshAsync([cached]);

        var received = new List<ProjectResult>();
        await foreach (var result in _harness.Engine.RefreshAsync([slow, cached, fast], RefreshMode.Normal, CancellationToken.None))
        {
            received.Add(result);
            if (received.Count == 2)
            {
                File.WriteAllText(gatePath, "");
            }
        }

        Assert.Equal(["cached", "fast", "slow"], received.Select(result => result.Project.Name));
        Assert.True(received[0].IsFromCache);
        Assert.All(received, result => Assert.Equal(ProjectState.Ok, result.State));
        Assert.Equal("slow", received[2].Tasks!.AllTasks.Single().Id);
    }

    [Fact(Timeout = 30_000)]
    public async Task RefreshProject_SimultaneousRequests_ShareOneRun()
    {
        var project = _harness.ScriptProject("shared", delaySeconds: 0.5);

        var requests = Enumerable.Range(0, 5)
            .Select(_ => _harness.Engine.RefreshProjectAsync(project, force: true, CancellationToken.None))
            .ToList();
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, _harness.StartedRuns);
        Assert.All(results, result => Assert.Same(results[0], result));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_OlderRunFinishingLast_NeverReplacesANewerResult()
    {
        var project = _harness.ScriptProject("p", Tasks("new"));
        var newer = new Taskdeck.Core.Caching.CacheEntry(project.DirPath, "fp", new Taskdeck.Core.Tasks.TaskList([]),
            _harness.Time.GetUtcNow(), null, _harness.Time.GetUtcNow().AddSeconds(5), _harness.Time.GetUtcNow().AddSeconds(5),
            TimeSpan.Zero, 0, null, TaskChanges.None);

        // A run that started at "now" finishes after an entry from a run started 5 s later was stored.
        var run = _harness.Engine.RefreshProjectAsync(project, force: true, CancellationToken.None);
        _harness.Cache.Put(newer);
        var result = await run;

        Assert.Same(newer, _harness.Cache.Get(project.DirPath));
        Assert.Empty(result.Tasks!.Groups);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_CachedOnly_RunsNothingAndMarksUnknownProjects()
    {
        var project = _harness.ScriptProject("p");

        var result = Assert.Single(await RefreshAsync([project], RefreshMode.CachedOnly));

        Assert.Equal(0, _harness.StartedRuns);
        Assert.Equal((ProjectState.Stale, null), (result.State, result.Tasks));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_Cancelled_StopsEveryRunningProvider()
    {
        var projects = Enumerable.Range(1, 3).Select(index => _harness.ScriptProject($"p{index}", delaySeconds: 30)).ToList();
        using var cancellation = new CancellationTokenSource();

        var refresh = _harness.Engine.RefreshAllAsync(projects, RefreshMode.Normal, cancellation.Token);
        while (_harness.StartedRuns < 3)
        {
            await Task.Delay(20);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refresh);

        var pids = Directory.EnumerateFiles(_harness.RecordDirPath, "start-*")
            .Select(path => int.Parse(Path.GetFileName(path)["start-".Length..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(await ProcessTable.SurvivorsAsync(pids, TimeSpan.FromSeconds(2)));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_TaskStatusesMove_RecordsAddedRemovedAndMovedTasks()
    {
        var project = _harness.ScriptProject("p", """{"tasks":[{"id":"a","title":"A","status":"todo"},{"id":"b","title":"B","status":"todo"}]}""");
        await RefreshAsync([project]);
        File.WriteAllText(Path.Combine(project.DirPath, "tasks.sh"),
            "#!/bin/sh\necho '{\"tasks\":[{\"id\":\"a\",\"title\":\"A\",\"status\":\"done\"},{\"id\":\"c\",\"title\":\"C\",\"status\":\"todo\"}]}'\n");

        var result = Assert.Single(await RefreshAsync([project], RefreshMode.Force));

        Assert.Equal(["c"], result.Changes.Added.ToArray());
        Assert.Equal(["b"], result.Changes.Removed.ToArray());
        Assert.Equal(new StatusChange("a", "todo", "done"), Assert.Single(result.Changes.StatusChanged));
    }
}
