using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;
using Taskdeck.Core.Tests.Support;
using Taskdeck.Dashboard.Live;


namespace Taskdeck.Dashboard.Tests.Live;

/// <summary>The session with a real engine and real provider processes, on a fake clock.</summary>
public sealed class DashboardSessionTests : IDisposable
{
    // Counts its runs in the project folder, optionally takes its time, then prints one task.
    private const string CountingProvider = """
        #!/bin/sh
        echo run >> "$TASKDECK_PROJECT_DIR/runs"
        sleep "${TASKDECK_ARG_SLEEP:-0}"
        echo '{"tasks": [{"id": "1", "title": "One", "status": "todo"}]}'
        """;

    private readonly TempWorkspace _workspace = new();
    private readonly FakeTimeProvider _time = new(Support.Build.Now);
    private readonly BlockingCollection<Action> _posted = [];
    private readonly RefreshEngine _engine;
    private readonly ProviderRunner _runner;

    public DashboardSessionTests()
    {
        _workspace.WriteFile("xdg-config/taskdeck/providers/counting", CountingProvider.Replace("\r", ""), isExecutable: true);
        _runner = new ProviderRunner(new ProviderResolver(new BuiltInProviders([]), _workspace.Paths.UserProvidersDirPath), TrustEveryone.Instance);
        _engine = new RefreshEngine(_runner, new MemoryResultCache(), _time, concurrency: 4);
    }

    [Fact(Timeout = 30_000)]
    public async Task Start_TwoIntervals_EachProjectRunsAgainOnlyWhenItsOwnIntervalHasPassed()
    {
        // Arrange
        var fast = AddProject("fast", TimeSpan.FromMinutes(1));
        var slow = AddProject("slow", TimeSpan.FromMinutes(5));
        using var session = NewSession([fast, slow]);

        // Act
        session.Start();
        await DrainUntilAsync(() => session.Model.Projects.All(slot => slot.Result.Tasks is not null));
        _time.Advance(TimeSpan.FromSeconds(61));
        await DrainUntilAsync(() => Runs(fast) == 2 && session.Model.Projects[0].Result.FetchedAt == _time.GetUtcNow());

        // Assert
        Assert.Equal(1, Runs(slow));
        Assert.Equal(ProjectState.Ok, session.Model.Projects[0].Result.State);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_WhileTheProjectRuns_JoinsTheRunUnderWay()
    {
        // Arrange
        var project = AddProject("shop", TimeSpan.FromMinutes(1), sleepSeconds: 1);
        using var session = NewSession([project]);

        // Act
        session.Refresh(project, force: true);
        session.Refresh(project, force: true);
        var isRunning = session.SyncRunning() && session.Model.Projects[0].IsRunning;
        await DrainUntilAsync(() => session.Model.Projects[0].Result.Tasks is not null);
        session.SyncRunning();

        // Assert
        Assert.True(isRunning);
        Assert.Equal(1, Runs(project));
        Assert.False(session.Model.Projects[0].IsRunning);
    }

    [Fact(Timeout = 30_000)]
    public async Task Stop_WithAProviderRunning_KillsIt()
    {
        // Arrange
        var project = AddProject("shop", TimeSpan.FromMinutes(1), sleepSeconds: 30);
        using var session = NewSession([project]);
        session.Refresh(project, force: true);
        await DrainUntilAsync(() => Runs(project) == 1);

        // Act
        session.Stop(TimeSpan.FromSeconds(5));

        // Assert
        Assert.Equal(0, _engine.RunsInFlight);
    }

    private DashboardSession NewSession(IReadOnlyList<Project> projects) =>
        new(_engine, _runner, projects, _time, RefreshMode.Normal, trustStore: null, _posted.Add, CancellationToken.None);

    private Project AddProject(string name, TimeSpan interval, int sleepSeconds = 0)
    {
        var dirPath = _workspace.AddProject(name, "tasks:\n  provider: counting\n");
        var settings = TaskSettings.ForProvider("counting") with
        {
            Args = TaskSettings.ForProvider("counting").Args.Add("sleep", $"{sleepSeconds}"),
        };
        return new Project(name, dirPath, Path.Combine(dirPath, ProjectFile.FileName), settings, interval, TimeSpan.FromSeconds(60), StatusMap.Empty);
    }

    private static int Runs(Project project)
    {
        var path = Path.Combine(project.DirPath, "runs");
        return File.Exists(path) ? File.ReadAllLines(path).Length : 0;
    }

    /// <summary>Runs what the session posted "to the UI thread", here on the test's thread, until the condition holds.</summary>
    private async Task DrainUntilAsync(Func<bool> condition)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("The session did not get there within 20 seconds.");
            }

            while (_posted.TryTake(out var action))
            {
                action();
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        _engine.Dispose();
        _workspace.Dispose();
    }
}
