using System.CommandLine;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Text;

namespace Taskdeck.Cli.Commands;

/// <summary><c>taskdeck providers</c>: the built-in providers and those in the user's folder.</summary>
internal static class ProvidersCommand
{
    public static Command Create()
    {
        var command = new Command("providers", "List the built-in providers and those in your providers folder");
        command.SetAction(_ =>
        {
            Write(Console.Out, BuiltIns.Create(), TaskdeckPaths.FromEnvironment().UserProvidersDirPath);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void Write(TextWriter output, BuiltInProviders builtIns, string userDirPath)
    {
        output.WriteLine("Built-in providers (name them in .taskdeck.yaml as tasks.provider; no trust needed):");
        foreach (var provider in builtIns.All)
        {
            output.WriteLine();
            output.WriteLine($"  {provider.Name}");
            output.WriteLine($"    {provider.Description}");
            var width = provider.Arguments.Max(argument => argument.Name.Length);
            foreach (var argument in provider.Arguments)
            {
                var defaultText = argument.DefaultValue is null ? "" : $" (default: {argument.DefaultValue})";
                output.WriteLine($"    args.{argument.Name.PadRight(width)}  {argument.Description}{defaultText}");
            }
        }

        output.WriteLine();
        output.WriteLine($"User providers in {userDirPath} (name one by its file name; no trust needed):");
        var userProviders = UserProvider.ListIn(userDirPath);
        if (userProviders.Count == 0)
        {
            var state = Directory.Exists(userDirPath) ? "The folder is empty" : "The folder does not exist yet";
            output.WriteLine($"  none. {state}; put an executable script there, such as a navi provider reading NAVI_TASK_ARG_*, and name it in .taskdeck.yaml.");
            return;
        }

        foreach (var provider in userProviders)
        {
            var name = TerminalText.SingleLine(provider.Name);
            var note = builtIns.Find(provider.Name) is not null
                ? "  (hidden: the built-in of the same name wins)"
                : !provider.IsExecutable
                    ? $"  (not executable: run chmod +x '{TerminalText.SingleLine(provider.FilePath)}')"
                    : "";
            output.WriteLine($"  {name}{note}");
        }
    }
}
