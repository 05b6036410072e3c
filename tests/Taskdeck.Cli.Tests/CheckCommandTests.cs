using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private Task<TaskdeckRun> CheckAsync(string path) =>
        TaskdeckProcess.RunAsync(_workspace, ["check", path]);

    [Fact(Timeout = 60_000)]
    public async Task Check_WorkingProvider_ExplainsEachStepAndCounts()
    {
        var dir = _workspace.AddFakeProject("shop", new Dictionary<string, string> { ["tasks"] = "3", ["status"] = "doing" });
        Directory.CreateDirectory(Path.Combine(dir, "src"));

        var result = await CheckAsync(Path.Combine(dir, "src"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"file      {dir}/.taskdeck.yaml", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("arg       tasks = 3  (TASKDECK_ARG_TASKS)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(your providers folder)", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"run       \d+ ms, exit code 0, \d+ bytes on stdout", result.Stdout);
        Assert.Contains("result    ok: 1 groups, 3 tasks (3 active)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_InvalidOutput_ShowsThePathOfTheProblemAndWhatWasPrinted()
    {
        var dir = _workspace.AddFakeProject("bad", new Dictionary<string, string> { ["mode"] = "invalid" });

        var result = await CheckAsync(dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("problem   invalid:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("$.groups[0].tasks[0].status: is missing", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("stdout    (first lines)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  | {\"groups\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_OutputWithSeveralProblems_ListsEveryOne()
    {
        var dir = _workspace.AddFakeProject("bad", new Dictionary<string, string> { ["mode"] = "invalid-many", ["tasks"] = "3" });

        var result = await CheckAsync(dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(and 2 more problems; taskdeck check lists them)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "problems  3 in all:\n"
            + "  - $.tasks[0].status: is missing; it is required\n"
            + "  - $.tasks[1].status: is missing; it is required\n"
            + "  - $.tasks[2].status: is missing; it is required\n"
            + "stdout    (first lines)",
            result.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_OutputWithMoreProblemsThanTheCap_ListsTheFirstTwentyAndCountsTheRest()
    {
        var dir = _workspace.AddFakeProject("bad", new Dictionary<string, string> { ["mode"] = "invalid-many", ["tasks"] = "25" });

        var result = await CheckAsync(dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("problems  25 in all, the first 20:\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - $.tasks[19].status: is missing; it is required\n  - and 5 more\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("$.tasks[20]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_FailingProvider_ShowsItsStderr()
    {
        var dir = _workspace.AddFakeProject("bad", new Dictionary<string, string> { ["mode"] = "exit" });

        var result = await CheckAsync(dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("exit code 3", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  | fake provider: something went wrong", result.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_BrokenProjectFile_NamesFileLineAndKey()
    {
        var dir = _workspace.AddProject("typo", "tasks:\n  provider: ./t.sh\n  intervl: 1m\n");

        var result = await CheckAsync(dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"problem   {dir}/.taskdeck.yaml:3:3: unknown key 'intervl' in 'tasks'", result.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_FolderWithoutProject_SaysHowToCreateOne()
    {
        var dir = _workspace.PathOf("nothing");
        Directory.CreateDirectory(dir);

        var result = await CheckAsync(dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no .taskdeck.yaml", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("provider: markdown-tasks", result.Stdout, StringComparison.Ordinal);
    }
}
