using System.Text.Json;
using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests;

public sealed class ListCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private Task<TaskdeckRun> TaskdeckAsync(params string[] arguments) =>
        TaskdeckProcess.RunAsync(_workspace, arguments);

    private static Dictionary<string, string> Mode(string mode) => new() { ["mode"] = mode };

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];

    [Fact(Timeout = 60_000)]
    public async Task ListJson_Projects_AreWrittenWithTheDocumentedKeysInOrder()
    {
        var dir = _workspace.AddFakeProject("shop", new Dictionary<string, string> { ["tasks"] = "2", ["status"] = "Done" });
        var failing = _workspace.AddFakeProject("failing", Mode("exit"));

        var result = await TaskdeckAsync("list", "--json", dir, failing);

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal(["version", "projects"], Keys(root));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var project = root.GetProperty("projects")[0];
        Assert.Equal(
            ["name", "dir", "provider", "state", "fromCache", "fetchedAt", "durationMs", "error", "currentGroupId", "changes", "groups"],
            Keys(project));
        Assert.Equal(["added", "removed", "statusChanged"], Keys(project.GetProperty("changes")));
        var group = project.GetProperty("groups")[0];
        Assert.Equal(
            ["id", "title", "status", "category", "url", "file", "isCurrent", "progress", "tasks"],
            Keys(group));
        Assert.Equal(["done", "total"], Keys(group.GetProperty("progress")));
        var task = group.GetProperty("tasks")[1];
        Assert.Equal(
            ["id", "title", "status", "category", "assignee", "labels", "priority", "url", "created", "updated", "file"],
            Keys(task));
        Assert.Equal(("T-2", "done", 2), (task.GetProperty("id").GetString(), task.GetProperty("category").GetString(), group.GetProperty("progress").GetProperty("done").GetInt32()));
        Assert.Equal(("shop", "ok", JsonValueKind.Null), (project.GetProperty("name").GetString(), project.GetProperty("state").GetString(), project.GetProperty("error").ValueKind));
        var error = root.GetProperty("projects")[1].GetProperty("error");
        Assert.Equal(["kind", "message", "stderr"], Keys(error));
    }

    [Fact(Timeout = 60_000)]
    public async Task ListJson_Labels_AreNullWhenAbsentAndAListWhenGivenEvenEmpty()
    {
        var absent = _workspace.AddFakeProject("absent");
        var empty = _workspace.AddFakeProject("empty", new Dictionary<string, string> { ["labels"] = "" });
        var given = _workspace.AddFakeProject("given", new Dictionary<string, string> { ["labels"] = "core,ui" });

        var run = await TaskdeckAsync("list", "--json", absent, empty, given);
        var cached = await TaskdeckAsync("list", "--json", "--cached", absent, empty, given);

        // The second list reads the SQLite cache, so the difference survives a round trip.
        foreach (var result in new[] { run, cached })
        {
            Assert.Equal(0, result.ExitCode);
            using var document = JsonDocument.Parse(result.Stdout);
            var labels = document.RootElement.GetProperty("projects").EnumerateArray()
                .Select(project => project.GetProperty("groups")[0].GetProperty("tasks")[0].GetProperty("labels").GetRawText())
                .ToList();
            Assert.Equal(["null", "[]", """["core","ui"]"""], labels.Select(text => text.Replace(" ", "").Replace("\n", "")));
        }

        Assert.Contains("\"fromCache\": true", cached.Stdout, StringComparison.Ordinal);
    }

    [Theory(Timeout = 90_000)]
    [InlineData(null, 2, 2)]
    [InlineData(3, null, 3)]
    [InlineData(4, 1, 1)]
    [InlineData(null, null, 4)]
    public async Task List_ConcurrencyFromOptionOrGlobalFile_IsTheMostProvidersRunningAtOnce(
        int? configured, int? option, int expected)
    {
        // Arrange: two more projects than the limit, each running long enough to overlap the others.
        var recordDirPath = _workspace.PathOf("record");
        Directory.CreateDirectory(recordDirPath);
        if (configured is { } concurrency)
        {
            _workspace.WriteFile("xdg-config/taskdeck/config.yaml", $"tasks:\n  concurrency: {concurrency}\n");
        }

        var dirs = Enumerable.Range(1, expected + 2)
            .Select(index => _workspace.AddFakeProject($"p{index}", new Dictionary<string, string>
            {
                ["sleep_ms"] = "1000",
                ["record_dir"] = recordDirPath,
            }))
            .ToList();
        string[] limit = option is { } jobs ? ["-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];

        // Act
        var result = await TaskdeckAsync(["list", "--json", .. limit, .. dirs]);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(dirs.Count, RunRecords.FinishedRuns(recordDirPath));
        Assert.Equal(expected, RunRecords.MaxOverlap(recordDirPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task ListCached_ProjectWithNothingCached_IsStaleWithoutTasksAndExitsOne()
    {
        var recordDirPath = _workspace.PathOf("record");
        Directory.CreateDirectory(recordDirPath);
        var dir = _workspace.AddFakeProject("new", new Dictionary<string, string> { ["record_dir"] = recordDirPath });

        var result = await TaskdeckAsync("list", "--json", "--cached", dir);

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var project = document.RootElement.GetProperty("projects")[0];
        Assert.Equal("stale", project.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, project.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, project.GetProperty("fetchedAt").ValueKind);
        Assert.Equal(0, project.GetProperty("groups").GetArrayLength());
        Assert.Empty(Directory.EnumerateFiles(recordDirPath));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("hang", "timeout")]
    [InlineData("exit", "exit")]
    [InlineData("garbage", "parse")]
    [InlineData("invalid", "invalid")]
    [InlineData("flood", "too-large")]
    public async Task ListJson_MisbehavingProvider_ReportsItsFailureKindAndExitsOne(string mode, string kind)
    {
        var dir = _workspace.AddFakeProject("bad", Mode(mode), extraTaskYaml: "  timeout: 1s\n");
        var good = _workspace.AddFakeProject("good");

        var result = await TaskdeckAsync("list", "--json", dir, good);

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var projects = document.RootElement.GetProperty("projects");
        var error = projects[0].GetProperty("error");
        Assert.Equal(kind, error.GetProperty("kind").GetString());
        Assert.Contains("'bad'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", projects[0].GetProperty("state").GetString());
        Assert.Equal("ok", projects[1].GetProperty("state").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task ListJson_MissingProviderAndBrokenFile_AreNotFoundAndConfig()
    {
        var missing = _workspace.AddProject("missing", "tasks:\n  provider: ./nope.sh\n");
        var broken = _workspace.AddProject("broken", "tasks:\n  provider: ./x.sh\n  colour: red\n");

        var result = await TaskdeckAsync("list", "--json", missing, broken);

        using var document = JsonDocument.Parse(result.Stdout);
        var projects = document.RootElement.GetProperty("projects");
        Assert.Equal("not-found", projects[0].GetProperty("error").GetProperty("kind").GetString());
        var config = projects[1].GetProperty("error");
        Assert.Equal("config", config.GetProperty("kind").GetString());
        Assert.Contains(".taskdeck.yaml:3:3: unknown key 'colour'", config.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListJson_ExitingProvider_KeepsItsStderrTail()
    {
        var dir = _workspace.AddFakeProject("bad", Mode("exit"));

        var result = await TaskdeckAsync("list", "--json", dir);

        using var document = JsonDocument.Parse(result.Stdout);
        var error = document.RootElement.GetProperty("projects")[0].GetProperty("error");
        Assert.Equal("fake provider: something went wrong\n", error.GetProperty("stderr").GetString());
    }

    [Fact(Timeout = 90_000)]
    public async Task ListJson_RunsWithRandomDelays_GiveIdenticalBytesApartFromTimings()
    {
        var dirs = Enumerable.Range(1, 5).Select(index => _workspace.AddProject($"p{index}", $"tasks:\n  provider: ./t.sh\n")).ToList();
        for (var index = 0; index < dirs.Count; index++)
        {
            _workspace.WriteFile($"p{index + 1}/t.sh", $$"""
                #!/bin/sh
                sleep 0.$(shuf -i 0-30 -n 1 | xargs printf '%02d')
                echo '{"groups":[{"id":"G{{index}}","title":"Group","tasks":[{"id":"{{index}}-1","title":"Task","status":"doing"}]}]}'
                """, isExecutable: true);
        }

        await TaskdeckAsync(["trust", "--yes", .. dirs]);
        var outputs = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            var result = await TaskdeckAsync(["list", "--json", "--no-cache", "-j", "5", .. dirs]);
            outputs.Add(System.Text.RegularExpressions.Regex.Replace(result.Stdout, "\"(fetchedAt|durationMs)\": [^,]+,", ""));
        }

        Assert.All(outputs, output => Assert.Equal(outputs[0], output));
        Assert.Contains("\"G4\"", outputs[0], StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_Table_ShowsProjectsTasksAndErrorsWithoutEscapeSequences()
    {
        var dir = _workspace.AddProject("evil", "tasks:\n  provider: ./t.sh\n");
        _workspace.WriteFile("evil/t.sh", """
            #!/bin/sh
            printf '{"tasks":[{"id":"1","title":"Clear \\u001b[2J\\u001b]0;pwned\\u0007screen","status":"todo"}]}'
            """, isExecutable: true);
        await TaskdeckAsync("trust", "--yes", dir);

        var result = await TaskdeckAsync("list", dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("evil", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Clear screen", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain('\u0007', result.Stdout);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_Verbose_ReportsEachRunOnStderr()
    {
        var dir = _workspace.AddFakeProject("shop");

        var result = await TaskdeckAsync("list", "--verbose", dir);

        Assert.Matches(@"run: shop: .*fake-provider — \d+ ms, exit 0, \d+ bytes, ok", result.Stderr);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("list --bogus")]
    [InlineData("list -j 0")]
    [InlineData("list --timeout soon")]
    [InlineData("list --cached --no-cache")]
    public async Task List_BadUsage_ExitsTwoWithAMessage(string arguments)
    {
        var result = await TaskdeckAsync(arguments.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("taskdeck: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_BrokenGlobalConfig_ExitsTwoNamingTheFileAndLine()
    {
        _workspace.WriteFile("xdg-config/taskdeck/config.yaml", "tasks:\n  concurrency: lots\n");

        var result = await TaskdeckAsync("list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config.yaml:2:16:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_FolderWithoutProject_PrintsAHint()
    {
        Directory.CreateDirectory(_workspace.PathOf("empty"));

        var result = await TaskdeckAsync("list", _workspace.PathOf("empty"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("hint: No .taskdeck.yaml in", result.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_Interrupted_ExitsWith130AndLeavesNoProvider()
    {
        var recordDir = _workspace.PathOf("record");
        Directory.CreateDirectory(recordDir);
        var dir = _workspace.AddFakeProject("hangs", new Dictionary<string, string> { ["mode"] = "grandchild-hang", ["own_session"] = "1", ["record_dir"] = recordDir });
        using var process = TaskdeckProcess.Start(_workspace, ["list", dir]);
        while (!Directory.EnumerateFiles(recordDir, "leftover-*").Any())
        {
            await Task.Delay(20);
        }

        _ = Taskdeck.Cli.Tests.Support.Signals.Interrupt(process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(130, process.ExitCode);
        var pids = Directory.EnumerateFiles(recordDir, "*-*")
            .Select(path => int.Parse(Path.GetFileName(path).Split('-')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(await ProcessTable.SurvivorsAsync(pids, TimeSpan.FromSeconds(2)));
    }
}
