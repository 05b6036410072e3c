using System.Text.RegularExpressions;
using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Output;

/// <summary>The table is coloured on a terminal, and plain under NO_COLOR or when piped.</summary>
public sealed partial class ColorTests : IDisposable
{
    private const char Escape = '\u001b';

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string AddProject() =>
        _workspace.AddFakeProject("shop", new Dictionary<string, string> { ["tasks"] = "2", ["status"] = "Done" });

    [Fact(Timeout = 60_000)]
    public async Task List_OnATerminal_IsColoured()
    {
        var dir = AddProject();

        var result = await TaskdeckProcess.RunOnTerminalAsync(_workspace, ["list", dir], environment: new Dictionary<string, string> { ["TERM"] = "xterm-256color" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("T-2", result.Stdout);
        Assert.Matches(ColourSequence(), result.Stdout);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_OnATerminalWithNoColor_WritesNoEscapeSequences()
    {
        var dir = AddProject();

        var result = await TaskdeckProcess.RunOnTerminalAsync(
            _workspace, ["list", dir], environment: new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["NO_COLOR"] = "1" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("T-2", result.Stdout);

        // The .NET runtime itself switches the keypad mode of a terminal it reads keys from; only
        // colours and styles are Taskdeck's to leave out.
        Assert.DoesNotMatch(ColourSequence(), result.Stdout);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_Piped_WritesNoEscapeSequences()
    {
        var dir = AddProject();

        var result = await TaskdeckProcess.RunAsync(_workspace, "list", dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("T-2", result.Stdout);
        Assert.DoesNotContain(Escape, result.Stdout);
    }

    /// <summary>An SGR sequence: colour or text style.</summary>
    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex ColourSequence();
}
