using System.CommandLine;
using Taskdeck.Cli;
using Taskdeck.Cli.Commands;

var root = new RootCommand("Taskdeck: the tasks of every project you work on, in one terminal view.");
CommonOptions.AddTo(root);
root.Subcommands.Add(ListCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(CacheCommand.Create());
root.Subcommands.Add(ProvidersCommand.Create());
root.Arguments.Add(CommonOptions.Paths);
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

return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(5) });
