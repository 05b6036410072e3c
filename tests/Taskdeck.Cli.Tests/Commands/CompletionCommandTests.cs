using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Commands;

/// <summary>
/// <c>taskdeck completion SHELL</c>: each script is loaded into the real shell, which is then asked
/// to complete a command line, so the test covers both the script and the suggestions behind it.
/// </summary>
public sealed class CompletionCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory(Timeout = 60_000)]
    [InlineData("taskdeck li", "list")]
    [InlineData("taskdeck list --j", "--json")]
    [InlineData("taskdeck list --fo", "--format")]
    [InlineData("taskdeck completion z", "zsh")]
    public async Task Bash_CompletingAWord_OffersTaskdecksCommandsAndOptions(string line, string expected)
    {
        var words = line.Split(' ');
        var script = $"""
            source <(taskdeck completion bash)
            COMP_WORDS=({string.Join(' ', words.Select(word => $"'{word}'"))})
            COMP_CWORD={words.Length - 1}
            _taskdeck_complete
            printf '%s\n' "${'{'}COMPREPLY[@]{'}'}"
            """;

        var offered = await RunShellAsync("bash", ["-c", script]);

        Assert.Equal([expected], offered);
    }

    [Fact(Timeout = 60_000)]
    public async Task Bash_CompletingAFolder_LeavesItToTheShellsFolderNames()
    {
        var offered = await RunShellAsync("bash", ["-c", """
            source <(taskdeck completion bash)
            COMP_WORDS=(taskdeck list ex); COMP_CWORD=2
            _taskdeck_complete
            echo "replies: ${#COMPREPLY[@]}"
            complete -p taskdeck
            """]);

        Assert.Equal(["replies: 0", "complete -o dirnames -F _taskdeck_complete taskdeck"], offered);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("taskdeck li", "list")]
    [InlineData("taskdeck list --ch", "--changed")]
    [InlineData("taskdeck list ex", "FOLDERS")]
    public async Task Zsh_CompletingAWord_AddsTaskdecksSuggestionsOrFallsBackToFolders(string line, string expected)
    {
        // compadd and _files belong to zsh's completion system, which needs a live line editor;
        // stand-ins record what the script hands them.
        var words = line.Split(' ');
        var script = $"""
            compdef() {'{'} : {'}'}
            compadd() {'{'} shift; print -l -- "$@" {'}'}
            _files() {'{'} print FOLDERS {'}'}
            source <(taskdeck completion zsh)
            words=({string.Join(' ', words.Select(word => $"'{word}'"))}); CURRENT={words.Length}
            _taskdeck
            """;

        var offered = await RunShellAsync("zsh", ["-f", "-c", script]);

        Assert.Equal([expected], offered);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("taskdeck li", "list")]
    [InlineData("taskdeck cache c", "clear")]
    [InlineData("taskdeck list --tm", "--tmux")]
    public async Task Fish_CompletingAWord_OffersTaskdecksCommandsAndOptions(string line, string expected)
    {
        var offered = await RunShellAsync("fish", ["--no-config", "-c", $"taskdeck completion fish | source; complete -C '{line}'"]);

        Assert.Contains(expected, offered.Select(entry => entry.Split('\t')[0]));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fish_CompletingAFolder_OffersTheFoldersThere()
    {
        _workspace.WriteFile("examples-here/.keep", "");

        var offered = await RunShellAsync("fish", ["--no-config", "-c", "taskdeck completion fish | source; complete -C 'taskdeck list exa'"]);

        Assert.Contains("examples-here/", offered.Select(entry => entry.Split('\t')[0]));
    }

    [Fact(Timeout = 60_000)]
    public async Task Completion_UnknownShell_IsBadUsage()
    {
        var result = await TaskdeckProcess.RunAsync(_workspace, "completion", "tcsh");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("tcsh", result.Stderr);
    }

    /// <summary>Runs the shell in the workspace with the built taskdeck first on PATH; returns its output lines.</summary>
    private async Task<string[]> RunShellAsync(string shell, IEnumerable<string> args)
    {
        var path = $"{Path.GetDirectoryName(TaskdeckProcess.ExecutablePath)}:{Environment.GetEnvironmentVariable("PATH")}";
        var run = await TaskdeckProcess.RunProgramAsync(_workspace, shell, args, new Dictionary<string, string> { ["PATH"] = path });
        Assert.True(run.ExitCode == 0, $"{shell} failed: {run}");
        return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
