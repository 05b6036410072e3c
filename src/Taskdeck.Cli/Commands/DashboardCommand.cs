using System.CommandLine;

namespace Taskdeck.Cli.Commands;

/// <summary><c>taskdeck [PATH…]</c>: the interactive dashboard.</summary>
internal static class DashboardCommand
{
    public static Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        // Known gap: the dashboard is not built yet; until it is, the root command shows the table.
        CommandRunner.RunAsync(parseResult, (services, token) =>
            ListCommand.ShowAsync(services, parseResult.GetValue(CommonOptions.Paths) ?? [], asJson: false, token), cancellationToken);
}
