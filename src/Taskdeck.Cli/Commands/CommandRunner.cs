using System.CommandLine;

namespace Taskdeck.Cli.Commands;

/// <summary>Runs a command's body and turns what escapes it into the documented exit codes.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(
        ParseResult parseResult, Func<TaskdeckServices, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            using var services = TaskdeckServices.Create(parseResult, Console.Error);
            return await body(services, cancellationToken);
        }
        catch (UsageException exception)
        {
            await Console.Error.WriteLineAsync($"taskdeck: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }
}
