using Microsoft.Extensions.Time.Testing;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Caching;

/// <summary>
/// The refresh engine over the SQLite cache, with real provider processes. Every "restart" is a
/// new cache and engine on the same file, as a new <c>taskdeck</c> process would make.
/// </summary>
public sealed class PersistentRefreshTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly FakeTimeProvider _time = new(CacheEntries.Epoch);
    private readonly string _recordDirPath;

    public PersistentRefreshTests()
    {
        _recordDirPath = _workspace.PathOf("records");
        Directory.CreateDirectory(_recordDirPath);
    }

    private int StartCount => Directory.GetFiles(_recordDirPath, "start-*").Length;

    [Fact(Timeout = 30_000)]
    public async Task Refresh_WhenFreshInFile_StartsNoProcess()
    {
        // Arrange
        _workspace.AddFakeProject("shop", FakeArgs());
        await RefreshInNewProcessAsync(RefreshMode.Normal);
        var startsAfterFirstRun = StartCount;

        // Act
        var results = await RefreshInNewProcessAsync(RefreshMode.Normal);

        // Assert
        Assert.Equal(1, startsAfterFirstRun);
        Assert.Equal(1, StartCount);
        var result = Assert.Single(results);
        Assert.Equal(ProjectState.Ok, result.State);
        Assert.True(result.IsFromCache);
        Assert.Equal(["T-1"], CacheEntries.Ids(result.Tasks));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_WhenStaleInFile_ShowsItAtOnceThenReplacesIt()
    {
        // Arrange
        _workspace.AddFakeProject("shop", FakeArgs(), "  interval: 1m\n");
        await RefreshInNewProcessAsync(RefreshMode.Normal);
        _time.Advance(TimeSpan.FromMinutes(2));
        var secondFetchAt = _time.GetUtcNow();

        // Act
        using var cache = OpenCache();
        using var engine = NewEngine(cache);
        var projects = FindProjects();
        var shownFirst = engine.Snapshot(projects[0]);
        var refreshed = await engine.RefreshAllAsync(projects, RefreshMode.Normal, CancellationToken.None);

        // Assert
        Assert.Equal(ProjectState.Stale, shownFirst.State);
        Assert.Equal(CacheEntries.Epoch, shownFirst.FetchedAt);
        Assert.Equal(["T-1"], CacheEntries.Ids(shownFirst.Tasks));
        Assert.Equal(2, StartCount);
        Assert.Equal(ProjectState.Ok, refreshed[0].State);
        Assert.False(refreshed[0].IsFromCache);
        using var reopened = OpenCache();
        Assert.Equal(secondFetchAt, reopened.Get(projects[0].DirPath)!.FetchedAt);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_WhenCachedOnly_RunsNothingEvenIfStale()
    {
        // Arrange
        _workspace.AddFakeProject("shop", FakeArgs(), "  interval: 1m\n");
        await RefreshInNewProcessAsync(RefreshMode.Normal);
        _time.Advance(TimeSpan.FromMinutes(2));

        // Act
        var results = await RefreshInNewProcessAsync(RefreshMode.CachedOnly);

        // Assert
        Assert.Equal(1, StartCount);
        Assert.Equal(ProjectState.Stale, results[0].State);
        Assert.Equal(["T-1"], CacheEntries.Ids(results[0].Tasks));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_WhenArgsChange_RunsAgain()
    {
        // Arrange
        _workspace.AddFakeProject("shop", FakeArgs());
        await RefreshInNewProcessAsync(RefreshMode.Normal);
        _workspace.AddFakeProject("shop", FakeArgs(("TASKS", "2")));

        // Act
        var results = await RefreshInNewProcessAsync(RefreshMode.Normal);

        // Assert
        Assert.Equal(2, StartCount);
        Assert.Equal(["T-1", "T-2"], CacheEntries.Ids(results[0].Tasks));
        Assert.Equal(["T-2"], results[0].Changes.Added.ToArray());
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_WhenProjectScriptChanges_RunsAgain()
    {
        // Arrange
        var scriptPath = _workspace.AddScriptProject("shop", """{"tasks":[{"id":"A","title":"A","status":"todo"}]}""", _recordDirPath);
        await RefreshInNewProcessAsync(RefreshMode.Normal);
        await RefreshInNewProcessAsync(RefreshMode.Normal);
        var startsBeforeEdit = StartCount;
        File.AppendAllText(scriptPath, "# edited\n");

        // Act
        await RefreshInNewProcessAsync(RefreshMode.Normal);

        // Assert
        Assert.Equal(1, startsBeforeEdit);
        Assert.Equal(2, StartCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_AcrossRestarts_ReportsAddedRemovedAndMovedTasks()
    {
        // Arrange
        var dataPath = _workspace.PathOf("shop/tasks.json");
        _workspace.AddScriptProject("shop", """
            {"tasks":[
              {"id":"keep","title":"Kept","status":"todo"},
              {"id":"move","title":"Moves","status":"todo"},
              {"id":"drop","title":"Dropped","status":"todo"}]}
            """, _recordDirPath);
        await RefreshInNewProcessAsync(RefreshMode.Normal);
        File.WriteAllText(dataPath, """
            {"tasks":[
              {"id":"keep","title":"Kept","status":"todo"},
              {"id":"move","title":"Moves","status":"done"},
              {"id":"new","title":"Added","status":"todo"}]}
            """);

        // Act
        var second = await RefreshInNewProcessAsync(RefreshMode.Force);
        var shownAfterRestart = await RefreshInNewProcessAsync(RefreshMode.CachedOnly);

        // Assert
        foreach (var changes in new[] { second[0].Changes, shownAfterRestart[0].Changes })
        {
            Assert.Equal(["new"], changes.Added.ToArray());
            Assert.Equal(["drop"], changes.Removed.ToArray());
            Assert.Equal([new StatusChange("move", "todo", "done")], changes.StatusChanged.ToArray());
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Refresh_WhenNothingChangedSinceLastRun_ReportsNoChanges()
    {
        // Arrange
        _workspace.AddScriptProject("shop", """{"tasks":[{"id":"A","title":"A","status":"todo"}]}""", _recordDirPath);
        await RefreshInNewProcessAsync(RefreshMode.Normal);

        // Act
        var results = await RefreshInNewProcessAsync(RefreshMode.Force);

        // Assert
        Assert.False(results[0].Changes.HasChanges);
        Assert.Equal(2, StartCount);
    }

    public void Dispose() => _workspace.Dispose();

    private Dictionary<string, string> FakeArgs(params (string Key, string Value)[] extra)
    {
        var args = new Dictionary<string, string> { ["RECORD_DIR"] = _recordDirPath };
        foreach (var (key, value) in extra)
        {
            args[key] = value;
        }

        return args;
    }

    private async Task<IReadOnlyList<ProjectResult>> RefreshInNewProcessAsync(RefreshMode mode)
    {
        using var cache = OpenCache();
        using var engine = NewEngine(cache);
        return await engine.RefreshAllAsync(FindProjects(), mode, CancellationToken.None);
    }

    private SqliteResultCache OpenCache()
    {
        var cache = new SqliteResultCache(_workspace.Paths.CacheDirPath, _time);
        cache.Warning += message => Assert.Fail($"Unexpected cache warning: {message}");
        return cache;
    }

    private RefreshEngine NewEngine(IResultCache cache)
    {
        var resolver = new ProviderResolver(new BuiltInProviders([]), _workspace.Paths.UserProvidersDirPath);
        return new RefreshEngine(new ProviderRunner(resolver, TrustEveryone.Instance), cache, _time, concurrency: 4);
    }

    private IReadOnlyList<Project> FindProjects() =>
        new ProjectFinder(GlobalConfig.Default)
            .Find(Directory.GetDirectories(_workspace.RootPath)
                .Where(path => File.Exists(Path.Combine(path, ProjectFile.FileName)))
                .Order(StringComparer.Ordinal)
                .Select(path => new StartFolder(path)))
            .Projects;
}
