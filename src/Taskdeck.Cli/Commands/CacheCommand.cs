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
            var isCleared = services.Cache is SqliteResultCache persistent
                ? persistent.TryClear()
                : ClearInMemory(services.Cache);
            if (!isCleared)
            {
                // A warning on stderr has said why, unless the file was only busy.
                services.ErrorOutput.WriteLine(
                    $"taskdeck: the cache in {services.Paths.CacheDirPath} was not cleared; see above, or try again when no other Taskdeck is writing to it.");
                return Task.FromResult(ExitCodes.ProjectFailed);
            }

            Console.WriteLine($"Cleared the cache in {services.Paths.CacheDirPath}.");
            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));

        command.Subcommands.Add(path);
        command.Subcommands.Add(clear);
        return command;
    }

    private static bool ClearInMemory(IResultCache cache)
    {
        cache.Clear();
        return true;
    }
}
