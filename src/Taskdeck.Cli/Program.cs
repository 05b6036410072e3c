using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.InteropServices;
using Taskdeck.Cli;
using Taskdeck.Cli.Commands;

var root = new RootCommand("Taskdeck: the tasks of every project you work on, in one terminal view.");
CommonOptions.AddTo(root);
root.Subcommands.Add(ListCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(CacheCommand.Create());
root.Subcommands.Add(TrustCommand.Create());
root.Subcommands.Add(TrustCommand.CreateUntrust());
root.Subcommands.Add(ProvidersCommand.Create());
root.Subcommands.Add(CompletionCommand.Create());
root.Arguments.Add(CommonOptions.Paths);

// DOS-style help aliases mean nothing to a Unix tool and would only clutter shell completion.
foreach (var helpOption in root.Options.OfType<HelpOption>())
{
    helpOption.Aliases.Remove("/?");
    helpOption.Aliases.Remove("/h");
    helpOption.Aliases.Remove("-?");
}
root.SetAction((parseResult, cancellationToken) => DashboardCommand.RunAsync(parseResult, cancellationToken));

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"taskdeck: {error.Message}");
    }

    Console.Error.WriteLine("Run 'taskdeck --help' for usage.");
    return ExitCodes.Usage;
}

// Ctrl-C and SIGTERM cancel the command, which then stops every provider it started before
// exiting with 130. System.CommandLine's own handling would exit after a fixed wait even if that
// clean-up were still going on, so it is turned off; a second Ctrl-C still ends Taskdeck at once.
using var interrupt = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    if (interrupt.IsCancellationRequested)
    {
        return;
    }

    context.Cancel = true;
    interrupt.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interrupt.Token);
