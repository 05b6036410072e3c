using System.CommandLine;
using Taskdeck.Core.Caching;

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
            if (services.Cache is SqliteResultCache { IsMemoryOnly: true })
            {
                // The cache has already said why on stderr.
                services.ErrorOutput.WriteLine($"taskdeck: the cache in {services.Paths.CacheDirPath} was not cleared.");
                return Task.FromResult(ExitCodes.ProjectFailed);
            }

            Console.WriteLine($"Cleared the cache in {services.Paths.CacheDirPath}.");
            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));

        command.Subcommands.Add(path);
        command.Subcommands.Add(clear);
        return command;
    }
}
