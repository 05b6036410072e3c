using System.CommandLine;

namespace Taskdeck.Cli.Commands;

/// <summary><c>taskdeck cache path|clear</c>.</summary>
internal static class CacheCommand
{
    public static Command Create()
    {
        var command = new Command("cache", "Where the cache lives, and emptying it");
        var path = new Command("path", "Print the folder that holds the cache");
        path.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, (services, _) =>
        {
            Console.WriteLine(services.Paths.CacheDirPath);
            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));

        var clear = new Command("clear", "Forget every cached result");
        clear.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, (services, _) =>
        {
            services.Cache.Clear();
            Console.WriteLine($"Cleared the cache in {services.Paths.CacheDirPath}.");
            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));

        command.Subcommands.Add(path);
        command.Subcommands.Add(clear);
        return command;
    }
}
