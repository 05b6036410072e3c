using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Providers;

/// <summary>What a provider gets and what it cannot do, proven with real scripts.</summary>
public sealed class ProviderHardeningTests : IDisposable
{
    private const string EmptyTasks = "printf '{\"tasks\": []}'";

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task Run_ArgsThatLookLikeShellCode_ArriveVerbatimAndNothingIsExecuted()
    {
        // Arrange
        var values = new Dictionary<string, string>
        {
            ["subst"] = "$(touch pwned-subst)",
            ["backticks"] = "`touch pwned-ticks`",
            ["chain"] = "; touch pwned-chain; rm -rf x",
            ["quotes"] = "it's \"quoted\" & | > pwned-redirect",
        };
        var yaml = "tasks:\n  provider: ./tasks.sh\n  args:\n"
            + string.Concat(values.Select(pair => $"    {pair.Key}: '{pair.Value.Replace("'", "''", StringComparison.Ordinal)}'\n"));
        var dir = _workspace.AddProject("shop", yaml);
        _workspace.WriteFile("shop/tasks.sh", $"""
            #!/bin/sh
            for name in SUBST BACKTICKS CHAIN QUOTES; do
              eval "printf '%s' \"\$TASKDECK_ARG_$name\"" > "got-$name"
            done
            printf '%s' "$NAVI_TASK_ARG_SUBST" > got-navi
            {EmptyTasks}

            """, isExecutable: true);

        // Act
        var run = await RunAsync(dir);

        // Assert
        Assert.True(run.Outcome.IsSuccess, run.Outcome.Failure?.Message);
        foreach (var (key, value) in values)
        {
            Assert.Equal(value, File.ReadAllText(Path.Combine(dir, $"got-{key.ToUpperInvariant()}")));
        }

        Assert.Equal(values["subst"], File.ReadAllText(Path.Combine(dir, "got-navi")));
        Assert.Empty(Directory.GetFiles(dir, "pwned*"));
        Assert.Empty(Directory.GetFiles(Environment.CurrentDirectory, "pwned*"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_ProviderReadingStdin_GetsEndOfFileAtOnce()
    {
        // Arrange
        var dir = _workspace.AddProject("shop", "tasks:\n  provider: ./tasks.sh\n  timeout: 10s\n");
        _workspace.WriteFile("shop/tasks.sh", $"""
            #!/bin/sh
            if IFS= read -r line; then printf 'read: %s' "$line" > stdin.txt; else printf eof > stdin.txt; fi
            {EmptyTasks}

            """, isExecutable: true);

        // Act
        var run = await RunAsync(dir);

        // Assert
        Assert.True(run.Outcome.IsSuccess, run.Outcome.Failure?.Message);
        Assert.Equal("eof", File.ReadAllText(Path.Combine(dir, "stdin.txt")));
        Assert.True(run.Duration < TimeSpan.FromSeconds(5), $"the run took {run.Duration}");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("../../etc/passwd")]
    [InlineData("docs/../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task Run_TaskFileLeavingTheProject_FailsTheRunNamingTheField(string file)
    {
        // Arrange
        var dir = _workspace.AddProject("shop", "tasks:\n  provider: ./tasks.sh\n");
        _workspace.WriteFile("shop/tasks.sh", $$"""
            #!/bin/sh
            printf '{"tasks": [{"id": "T-1", "title": "Read me", "status": "todo", "file": "{{file}}"}]}'

            """, isExecutable: true);

        // Act
        var run = await RunAsync(dir);

        // Assert
        Assert.Equal(FailureKind.Invalid, run.Outcome.Failure!.Kind);
        Assert.Contains("$.tasks[0].file", run.Outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("leaves the project folder", run.Outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("../../etc/passwd")]
    [InlineData("docs/../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task Run_GroupFileLeavingTheProject_FailsTheRunNamingTheField(string file)
    {
        // Arrange: the group's own file, beside a task whose file is fine.
        var dir = _workspace.AddProject("shop", "tasks:\n  provider: ./tasks.sh\n");
        _workspace.WriteFile("shop/tasks.sh", $$"""
            #!/bin/sh
            cat <<'JSON'
            {"groups": [{"id": "G-1", "title": "Group", "file": "{{file}}", "tasks": [
              {"id": "T-1", "title": "Read me", "status": "todo", "file": "docs/t-1.md"}]}]}
            JSON

            """, isExecutable: true);

        // Act
        var run = await RunAsync(dir);

        // Assert
        Assert.Equal(FailureKind.Invalid, run.Outcome.Failure!.Kind);
        Assert.Contains("$.groups[0].file", run.Outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("leaves the project folder", run.Outcome.Failure.Message, StringComparison.Ordinal);
    }

    private async Task<ProviderRun> RunAsync(string dir)
    {
        var project = new ProjectFinder(GlobalConfig.Default).FindAbove(dir)!;
        var resolver = new ProviderResolver(new BuiltInProviders([]), _workspace.Paths.UserProvidersDirPath);
        return await new ProviderRunner(resolver, TrustEveryone.Instance).RunAsync(project, CancellationToken.None);
    }
}
