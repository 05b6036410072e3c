using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Output;

/// <summary><c>taskdeck list --format summary</c>: one line per project for a status line or prompt.</summary>
public sealed class ListSummaryTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>A project whose provider, in the user's folder (no trust), prints these tasks.</summary>
    private string AddProject(string name, string tasksJson)
    {
        var script = $"#!/bin/sh\ncat <<'JSON'\n{tasksJson}\nJSON\n";
        _workspace.WriteFile($"xdg-config/taskdeck/providers/summary-{name}", script, isExecutable: true);
        return _workspace.AddProject(name, $"tasks:\n  provider: summary-{name}\n");
    }

    private static string Tasks(params string[] statuses) =>
        "{\"tasks\": [" + string.Join(", ", statuses.Select((status, index) =>
            $"{{\"id\": \"T-{index}\", \"title\": \"Task {index}\", \"status\": \"{status}\"}}")) + "]}";

    [Fact(Timeout = 60_000)]
    public async Task ListSummary_Projects_GiveOneLineEachWithCountsPerCategoryInSourceOrder()
    {
        var shop = AddProject("shop", Tasks("doing", "wip", "active", "blocked", "done", "Done", "rejected", "review"));
        var empty = AddProject("empty", Tasks());
        var todo = AddProject("todo", Tasks("proposed", "agreed"));

        var result = await TaskdeckProcess.RunAsync(_workspace, "list", "--format", "summary", shop, empty, todo);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["shop 3▶ 1◆ 1✖ 2✔", "empty 0", "todo 2○"], result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", result.Stderr);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListSummary_FailedAndUntrustedProjects_EndWithTheirKindAndExitOne()
    {
        var good = AddProject("good", Tasks("done"));
        var broken = AddProject("broken", "this is not JSON");
        var cloned = _workspace.AddMarkedScriptProject("cloned", _workspace.PathOf("marker"));

        var result = await TaskdeckProcess.RunAsync(_workspace, "list", "--format", "summary", good, broken, cloned);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["good 1✔", "broken !parse", "cloned !untrusted"], result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(_workspace.PathOf("marker")));
    }

    [Fact(Timeout = 60_000)]
    public async Task ListSummary_FailureAfterAGoodRun_KeepsTheLastCountsBesideTheKind()
    {
        var dir = AddProject("shop", Tasks("doing", "done"));
        Assert.Equal(0, (await TaskdeckProcess.RunAsync(_workspace, "list", "--no-cache", dir)).ExitCode);
        _workspace.WriteFile("xdg-config/taskdeck/providers/summary-shop", "#!/bin/sh\nexit 3\n", isExecutable: true);

        var result = await TaskdeckProcess.RunAsync(_workspace, "list", "--no-cache", "--format", "summary", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("shop 1▶ 1✔ !exit", result.Stdout.Trim());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--format", "yaml")]
    [InlineData("--json", "--format", "summary")]
    public async Task ListFormat_BadOrContradictoryChoice_IsBadUsage(params string[] options)
    {
        var dir = AddProject("shop", Tasks("done"));

        var result = await TaskdeckProcess.RunAsync(_workspace, ["list", .. options, dir]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListFormatJson_IsTheSameDocumentAsJson()
    {
        var dir = AddProject("shop", Tasks("doing"));
        await TaskdeckProcess.RunAsync(_workspace, "list", dir);

        var asJson = await TaskdeckProcess.RunAsync(_workspace, "list", "--json", dir);
        var asFormat = await TaskdeckProcess.RunAsync(_workspace, "list", "--format", "json", dir);

        Assert.Equal(asJson.Stdout, asFormat.Stdout);
        Assert.StartsWith("{", asFormat.Stdout.TrimStart());
    }
}
