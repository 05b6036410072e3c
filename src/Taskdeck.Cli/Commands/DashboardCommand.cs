using System.CommandLine;
using Taskdeck.Dashboard;

namespace Taskdeck.Cli.Commands;

/// <summary><c>taskdeck [PATH…]</c>: the interactive dashboard, or the table when not on a terminal.</summary>
internal static class DashboardCommand
{
    public static Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        // Piped or captured output has no screen to draw on; print what `list` would.
        var isOnTerminal = !Console.IsOutputRedirected && !Console.IsInputRedirected;
        if (isOnTerminal)
        {
            // The terminal library gets ready while the projects are found and the cache opens.
            DashboardApp.PrepareTerminal();
        }

        return CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            var paths = parseResult.GetValue(CommonOptions.Paths) ?? [];
            if (!isOnTerminal)
            {
                return await ListCommand.ShowTableAsync(services, paths, token);
            }

            var projects = await services.FindProjectsAsync(paths, token);
            var dashboard = new DashboardApp(
                services.Engine, services.Runner, services.Time, services.TrustStore, services.Paths.GlobalConfigFilePath);
            var exit = dashboard.Run(projects, services.Mode, token);

            // A failing project is on the screen already; only how the user left decides the code.
            return exit == DashboardExit.Interrupted ? ExitCodes.Interrupted : ExitCodes.Success;
        }, cancellationToken);
    }
}
