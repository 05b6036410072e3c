using Taskdeck.Core.Refresh;
using Taskdeck.Core.Text;

namespace Taskdeck.Cli.Output;

/// <summary>
/// One line after the table naming the command that reviews and trusts every untrusted project,
/// so a fresh clone's first <c>taskdeck list</c> says how to go on.
/// </summary>
internal static class TrustHint
{
    public static void WriteFor(IReadOnlyList<ProjectResult> results, TextWriter output)
    {
        var untrustedDirPaths = results
            .Where(result => result.State == ProjectState.Untrusted)
            .Select(result => result.Project.DirPath)
            .ToList();
        if (untrustedDirPaths.Count == 0)
        {
            return;
        }

        var command = "taskdeck trust " + string.Join(' ', untrustedDirPaths.Select(ShellText.Quote));
        var sentence = untrustedDirPaths.Count == 1
            ? "1 project is not trusted, so its script did not run; see what it runs and trust it with"
            : $"{untrustedDirPaths.Count} projects are not trusted, so their scripts did not run; see what they run and trust them with";
        output.WriteLine(TerminalText.SingleLine($"hint: {sentence}: {command}"));
    }
}
