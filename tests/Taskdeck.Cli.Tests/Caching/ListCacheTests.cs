using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Caching;

/// <summary><c>taskdeck list</c> and <c>taskdeck cache</c> over the persistent cache, as whole processes.</summary>
public sealed class ListCacheTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly string _recordDirPath;

    public ListCacheTests()
    {
        _recordDirPath = _workspace.PathOf("records");
        Directory.CreateDirectory(_recordDirPath);
    }

    private string CacheFilePath => Path.Combine(_workspace.Paths.CacheDirPath, "cache.db");

    private int StartCount => Directory.GetFiles(_recordDirPath, "start-*").Length;

    [Fact(Timeout = 60_000)]
    public async Task List_WhenFreshInCache_StartsNoProvider()
    {
        // Arrange
        var dirPath = _workspace.AddFakeProject("shop", new Dictionary<string, string> { ["RECORD_DIR"] = _recordDirPath });
        await RunOkAsync("list", "--json", dirPath);

        // Act
        var second = await RunOkAsync("list", "--json", dirPath);

        // Assert
        Assert.Equal(1, StartCount);
        var project = Projects(second).Single();
        Assert.Equal("ok", project.GetProperty("state").GetString());
        Assert.True(project.GetProperty("fromCache").GetBoolean());
        Assert.True(File.Exists(CacheFilePath));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_WhenStale_ShowsItWithCachedAndReplacesItOtherwise()
    {
        // Arrange
        var dirPath = _workspace.AddFakeProject(
            "shop", new Dictionary<string, string> { ["RECORD_DIR"] = _recordDirPath }, "  interval: 200ms\n");
        var first = Projects(await RunOkAsync("list", "--json", dirPath)).Single();
        await Task.Delay(300);

        // Act
        var cachedOnly = Projects(await RunOkAsync("list", "--json", "--cached", dirPath)).Single();
        var startsAfterCachedOnly = StartCount;
        var refreshed = Projects(await RunOkAsync("list", "--json", dirPath)).Single();
        var afterRefresh = Projects(await RunOkAsync("list", "--json", "--cached", dirPath)).Single();

        // Assert
        Assert.Equal("stale", cachedOnly.GetProperty("state").GetString());
        Assert.Equal(FetchedAt(first), FetchedAt(cachedOnly));
        Assert.Equal(1, startsAfterCachedOnly);
        Assert.Equal(2, StartCount);
        Assert.False(refreshed.GetProperty("fromCache").GetBoolean());
        Assert.True(FetchedAt(refreshed) > FetchedAt(first));
        Assert.Equal(FetchedAt(refreshed), FetchedAt(afterRefresh));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_WhenProjectScriptChanges_RunsAgain()
    {
        // Arrange
        var scriptPath = _workspace.AddScriptProject("shop", """{"tasks":[{"id":"A","title":"A","status":"todo"}]}""", _recordDirPath);
        await RunOkAsync("trust", "--yes", _workspace.PathOf("shop"));
        await RunOkAsync("list", "--json", _workspace.PathOf("shop"));
        File.AppendAllText(scriptPath, "# edited\n");

        // An edited script needs trust again; once given, the cached result no longer matches.
        await RunOkAsync("trust", "--yes", _workspace.PathOf("shop"));

        // Act
        var second = Projects(await RunOkAsync("list", "--json", _workspace.PathOf("shop"))).Single();

        // Assert
        Assert.Equal(2, StartCount);
        Assert.False(second.GetProperty("fromCache").GetBoolean());
    }

    [Fact(Timeout = 60_000)]
    public async Task List_TwoProcessesHammeringOneCache_KeepTheNewestResultOfEveryProject()
    {
        // Arrange: providers that print when they ran, so every result differs from the last.
        var dirPaths = Enumerable.Range(0, 8).Select(index =>
        {
            _workspace.WriteFile($"p{index}/tasks.sh",
                "#!/bin/sh\nprintf '{\"tasks\":[{\"id\":\"t\",\"title\":\"%s\",\"status\":\"todo\"}]}' \"$(date +%s%N)\"\n",
                isExecutable: true);
            return _workspace.AddProject($"p{index}", "tasks:\n  provider: ./tasks.sh\n");
        }).ToArray();
        await RunOkAsync(["trust", "--yes", .. dirPaths]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(4);
        var lastLaunchTicks = 0L;

        // Act
        var loops = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var runs = new List<TaskdeckRun>();
            while (DateTime.UtcNow < deadline)
            {
                Interlocked.Exchange(ref lastLaunchTicks, DateTimeOffset.UtcNow.UtcTicks);
                runs.Add(await TaskdeckProcess.RunAsync(_workspace, ["list", "--json", "--no-cache", .. dirPaths]));
            }

            return runs;
        })).ToArray();
        var runs = (await Task.WhenAll(loops)).SelectMany(list => list).ToList();

        // Assert
        Assert.All(runs, run => Assert.True(run.ExitCode == 0 && run.Stderr.Length == 0, $"exit {run.ExitCode}: {run.Stderr}"));
        Assert.True(runs.Count >= 4, $"only {runs.Count} runs in the time given");
        Assert.Equal("ok", Query("PRAGMA integrity_check;"));

        // The last process launched ran every project after its launch, so whatever is stored
        // must have started after that too; an older stored run means a newer one was lost.
        var lastLaunch = new DateTimeOffset(lastLaunchTicks, TimeSpan.Zero);
        var printedTitles = runs.SelectMany(Projects).Select(TaskTitle).ToHashSet();
        foreach (var dirPath in dirPaths)
        {
            var storedStart = new DateTimeOffset(
                long.Parse(Query($"SELECT started_at FROM results WHERE dir = '{dirPath}';"), CultureInfo.InvariantCulture),
                TimeSpan.Zero);
            Assert.True(storedStart >= lastLaunch,
                $"{dirPath}: the stored run started {storedStart:O}, before the last process was launched at {lastLaunch:O}");
            Assert.Contains(Query($"SELECT tasks_json ->> '$.groups[0].tasks[0].title' FROM results WHERE dir = '{dirPath}';"), printedTitles);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task List_WhenCacheFileIsRandomBytes_MovesItAsideAndSucceeds()
    {
        // Arrange
        var dirPath = _workspace.AddFakeProject("shop");
        Directory.CreateDirectory(_workspace.Paths.CacheDirPath);
        var garbage = new byte[16384];
        new Random(11).NextBytes(garbage);
        File.WriteAllBytes(CacheFilePath, garbage);

        // Act
        var run = await TaskdeckProcess.RunAsync(_workspace, "list", "--json", dirPath);
        var cached = await RunOkAsync("list", "--json", "--cached", dirPath);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.StderrLines);
        Assert.Contains("moved to", warning, StringComparison.Ordinal);
        var movedPath = Assert.Single(Directory.GetFiles(_workspace.Paths.CacheDirPath, "cache.db.corrupt-*"));
        Assert.Equal(garbage, File.ReadAllBytes(movedPath));
        Assert.Equal("ok", Query("PRAGMA integrity_check;"));
        Assert.True(Projects(cached).Single().GetProperty("fromCache").GetBoolean());
    }

    [Fact(Timeout = 60_000)]
    public async Task List_WhenCacheFolderIsReadOnly_SucceedsAndWarnsOnce()
    {
        // Arrange
        var dirPaths = new[] { _workspace.AddFakeProject("a"), _workspace.AddFakeProject("b") };
        MakeCacheFolderUnwritable();

        // Act
        var run = await TaskdeckProcess.RunAsync(_workspace, ["list", "--json", .. dirPaths]);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.StderrLines);
        Assert.StartsWith("taskdeck: warning:", warning, StringComparison.Ordinal);
        Assert.Contains("memory", warning, StringComparison.Ordinal);
        Assert.All(Projects(run), project => Assert.Equal("ok", project.GetProperty("state").GetString()));
    }

    [Fact(Timeout = 60_000)]
    public async Task ListChanged_ShowsOnlyChangedProjectsAndTasks()
    {
        // Arrange
        _workspace.AddScriptProject("calm", """{"tasks":[{"id":"C","title":"Calm","status":"todo"}]}""", _recordDirPath);
        _workspace.AddScriptProject("busy", """
            {"tasks":[
              {"id":"keep","title":"Kept","status":"todo"},
              {"id":"move","title":"Moves","status":"todo"},
              {"id":"drop","title":"Dropped","status":"todo"}]}
            """, _recordDirPath);
        string[] dirPaths = [_workspace.PathOf("calm"), _workspace.PathOf("busy")];
        await RunOkAsync(["trust", "--yes", .. dirPaths]);
        await RunOkAsync(["list", "--json", .. dirPaths]);
        File.WriteAllText(_workspace.PathOf("busy/tasks.json"), """
            {"tasks":[
              {"id":"keep","title":"Kept","status":"todo"},
              {"id":"move","title":"Moves","status":"done"},
              {"id":"new","title":"Added","status":"todo"}]}
            """);
        await RunOkAsync(["list", "--json", "--no-cache", .. dirPaths]);

        // Act
        var json = await RunOkAsync(["list", "--json", "--changed", .. dirPaths]);
        var table = await RunOkAsync(["list", "--changed", .. dirPaths]);

        // Assert
        var project = Projects(json).Single();
        Assert.Equal("busy", project.GetProperty("name").GetString());
        var taskIds = project.GetProperty("groups").EnumerateArray()
            .SelectMany(group => group.GetProperty("tasks").EnumerateArray())
            .Select(task => task.GetProperty("id").GetString()!);
        Assert.Equal(["move", "new"], taskIds);
        var changes = project.GetProperty("changes");
        Assert.Equal(["new"], Strings(changes.GetProperty("added")));
        Assert.Equal(["drop"], Strings(changes.GetProperty("removed")));
        Assert.Equal(["move"], Strings(changes.GetProperty("statusChanged")));

        Assert.Contains("~ move", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("todo → done", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("+ new", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("drop", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("keep", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("calm", table.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task CacheClear_EmptiesTheCacheAndSaysSo()
    {
        // Arrange
        var dirPath = _workspace.AddFakeProject("shop");
        await RunOkAsync("list", "--json", dirPath);

        // Act
        var clear = await RunOkAsync("cache", "clear");
        var cachedRun = await TaskdeckProcess.RunAsync(_workspace, "list", "--json", "--cached", dirPath);
        var cached = Projects(cachedRun).Single();

        // Assert: with nothing cached the project gave no tasks, hence exit code 1.
        Assert.Contains(_workspace.Paths.CacheDirPath, clear.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, cachedRun.ExitCode);
        Assert.Equal("0", Query("SELECT count(*) FROM results;"));
        Assert.Equal(0, cached.GetProperty("groups").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, cached.GetProperty("fetchedAt").ValueKind);
    }

    [Fact(Timeout = 60_000)]
    public async Task CacheClear_WhenCacheFolderIsUnwritable_SaysItWasNotClearedAndExitsWithOne()
    {
        // Arrange
        MakeCacheFolderUnwritable();

        // Act
        var run = await TaskdeckProcess.RunAsync(_workspace, "cache", "clear");

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal(2, run.StderrLines.Count);
        Assert.Contains("was not cleared", run.StderrLines[1], StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task CachePath_PrintsTheCacheFolder()
    {
        // Act
        var run = await RunOkAsync("cache", "path");

        // Assert
        Assert.Equal(_workspace.Paths.CacheDirPath, run.Stdout.Trim());
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>
    /// chmod where it binds; as root (which ignores permission bits) a regular file where the
    /// cache folder should be, which no user can write into either.
    /// </summary>
    private void MakeCacheFolderUnwritable()
    {
        var cacheDirPath = _workspace.Paths.CacheDirPath;
        Directory.CreateDirectory(cacheDirPath);
        File.SetUnixFileMode(cacheDirPath, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            File.WriteAllText(Path.Combine(cacheDirPath, "probe"), "");
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        File.SetUnixFileMode(cacheDirPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(cacheDirPath, recursive: true);
        File.WriteAllText(cacheDirPath, "a file where the cache folder should be");
    }

    private async Task<TaskdeckRun> RunOkAsync(params string[] arguments)
    {
        var run = await TaskdeckProcess.RunAsync(_workspace, arguments);
        Assert.True(run.ExitCode == 0 && run.Stderr.Length == 0,
            $"taskdeck {string.Join(' ', arguments)} exited {run.ExitCode}:\n{run.Stderr}");
        return run;
    }

    private string Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={CacheFilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private static List<JsonElement> Projects(TaskdeckRun run)
    {
        using var document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.GetProperty("projects").EnumerateArray().Select(project => project.Clone()).ToList();
    }

    private static DateTimeOffset FetchedAt(JsonElement project) =>
        DateTimeOffset.Parse(project.GetProperty("fetchedAt").GetString()!, CultureInfo.InvariantCulture);

    private static string TaskTitle(JsonElement project) =>
        project.GetProperty("groups")[0].GetProperty("tasks")[0].GetProperty("title").GetString()!;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(value => value.GetString()!)];
}
