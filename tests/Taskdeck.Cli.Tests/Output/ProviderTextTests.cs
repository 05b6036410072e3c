using System.Text.RegularExpressions;
using Spectre.Console;
using Taskdeck.Cli.Output;
using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Output;

/// <summary>
/// A provider prints escape sequences in titles and on stderr; what reaches the user's terminal
/// must be their text only, so the provider cannot retitle, clear or repaint the terminal.
/// </summary>
public sealed partial class ProviderTextTests : IDisposable
{
    // Window title (OSC 0), clear screen, cursor home, hyperlink, 8-bit CSI, carriage return.
    private const string EvilJsonText = @"\u001b]0;pwned\u0007Evil \u001b[2J\u001b[Htitle \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u009b2Jend\r";
    private const string EvilText = "\u001b]0;pwned\u0007Evil \u001b[2J\u001b[Htitle \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u009b2Jend\r";

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task ListAndCheck_ProviderPrintingEscapes_ShowOnlyTheText()
    {
        // Arrange
        var titles = _workspace.AddProject("titles", "tasks:\n  provider: ./tasks.sh\n");
        _workspace.WriteFile("titles/tasks.sh", $$"""
            #!/bin/sh
            printf '%s' '{"groups": [{"id": "G-1", "title": "{{EvilJsonText}}", "tasks": [{"id": "T-1", "title": "{{EvilJsonText}}", "status": "todo"}]}]}'

            """, isExecutable: true);
        var stderr = _workspace.AddProject("stderr", "tasks:\n  provider: ./tasks.sh\n");
        _workspace.WriteFile("stderr/tasks.sh", """
            #!/bin/sh
            printf '\033]0;pwned\007\033[2Jboom \033[31mred\033[0m\r\n' >&2
            exit 3

            """, isExecutable: true);
        await TaskdeckProcess.RunAsync(_workspace, ["trust", "--yes", titles, stderr]);

        // Act
        var list = await TaskdeckProcess.RunAsync(_workspace, ["list", titles, stderr]);
        var check = await TaskdeckProcess.RunAsync(_workspace, ["check", stderr]);

        // Assert
        Assert.Contains("Evil title link end", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("boom red", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("  | boom red", check.Stdout, StringComparison.Ordinal);
        foreach (var output in new[] { list.Stdout, list.Stderr, check.Stdout, check.Stderr })
        {
            Assert.DoesNotMatch(@"[\u0000-\u0008\u000b-\u001f\u007f-\u009f]", output);
        }
    }

    [Fact]
    public void ListTableWriter_OnAColourTerminal_WritesColoursButNoProviderSequences()
    {
        // Arrange
        var dir = _workspace.AddProject("titles", "tasks:\n  provider: ./tasks.sh\n");
        var project = new ProjectFinder(GlobalConfig.Default).FindAbove(dir)!;
        var tasks = new TaskList([new TaskGroup("G-1", EvilText, [new TaskItem("T-1", EvilText, "todo\u001b[5m")])]);
        var failure = new RunFailure(FailureKind.Exit, "exited " + EvilText, "first\n" + EvilText + "\n");
        var result = new ProjectResult(project, ProjectState.Stale, tasks, failure, false, null, null, TaskChanges.None);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;

        // Act
        ListTableWriter.Write(console, [result], DateTimeOffset.UnixEpoch);

        // Assert: colour (SGR) sequences from the table itself are the only escapes left.
        var text = output.ToString();
        var withoutColours = SgrSequence().Replace(text, "");
        Assert.NotEqual(text, withoutColours);
        Assert.DoesNotMatch(@"[\u0000-\u0008\u000b-\u001f\u007f-\u009f]", withoutColours);
        Assert.Contains("Evil title link end", withoutColours, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex SgrSequence();
}
