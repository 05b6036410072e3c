using System.CommandLine;
using Taskdeck.Cli.Completions;

namespace Taskdeck.Cli.Commands;

/// <summary><c>taskdeck completion SHELL</c>: prints the tab-completion script for a shell.</summary>
internal static class CompletionCommand
{
    private static readonly Argument<string> Shell = new("SHELL")
    {
        Description = "The shell to complete in: bash, zsh or fish",
    };

    public static Command Create()
    {
        Shell.AcceptOnlyFromAmong([.. ShellScripts.Shells]);
        var command = new Command("completion", "Print the tab-completion script for bash, zsh or fish (see the README for how to enable it)");
        command.Arguments.Add(Shell);
        command.SetAction(parseResult =>
        {
            Console.Out.Write(ShellScripts.For(parseResult.GetValue(Shell)!));
            return ExitCodes.Success;
        });
        return command;
    }
}
