using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Trust;

/// <summary>
/// A provider must not reach the user's terminal: Taskdeck runs on a real pseudo-terminal here,
/// with keystrokes waiting in it, and the provider reports what it could see.
/// </summary>
public sealed class ProviderIsolationTests : IDisposable
{
    private const string ProbeScript = """
        #!/bin/sh
        if (: < /dev/tty) 2>/dev/null; then echo yes > has-tty; else echo no > has-tty; fi
        tty > tty.txt 2>&1
        if IFS= read -r line; then printf 'read: %s' "$line" > stdin.txt; else printf eof > stdin.txt; fi
        printf '{"tasks": []}'

        """;

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Probe_RunDirectlyOnTheTerminal_SeesTheTerminal()
    {
        // Arrange: proves the harness gives a terminal, so the next test means something.
        var dir = _workspace.AddProject("probe", "tasks:\n  provider: ./probe.sh\n");
        _workspace.WriteFile("probe/probe.sh", ProbeScript, isExecutable: true);

        // Act
        await RunOnTerminalAsync("./probe.sh", dir);

        // Assert
        Assert.Equal("yes\n", File.ReadAllText(Path.Combine(dir, "has-tty")));
        Assert.StartsWith("/dev/pts/", File.ReadAllText(Path.Combine(dir, "tty.txt")), StringComparison.Ordinal);
        Assert.Equal("read: typed by the user", File.ReadAllText(Path.Combine(dir, "stdin.txt")).TrimEnd('\r'));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_OnATerminal_ProviderHasNoTerminalAndItsStdinIsAtEndOfFile()
    {
        // Arrange
        var dir = _workspace.AddProject("probe", "tasks:\n  provider: ./probe.sh\n  timeout: 10s\n");
        _workspace.WriteFile("probe/probe.sh", ProbeScript, isExecutable: true);
        await TaskdeckProcess.RunAsync(_workspace, ["trust", "--yes", dir]);

        // Act
        var list = await TaskdeckProcess.RunOnTerminalAsync(_workspace, ["list", dir], "typed by the user\n");

        // Assert
        Assert.Equal(0, list.ExitCode);
        Assert.Equal("no\n", File.ReadAllText(Path.Combine(dir, "has-tty")));
        Assert.Equal("not a tty\n", File.ReadAllText(Path.Combine(dir, "tty.txt")));
        Assert.Equal("eof", File.ReadAllText(Path.Combine(dir, "stdin.txt")));
    }

    private async Task RunOnTerminalAsync(string command, string workingDirPath)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "script", ["--quiet", "--return", "--command", command, "/dev/null"])
        {
            WorkingDirectory = workingDirPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        await process.StandardInput.WriteAsync("typed by the user\n");
        process.StandardInput.Close();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
    }
}
