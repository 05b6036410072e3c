namespace Taskdeck.Dashboard;

/// <summary>How the user left the dashboard, so the command can report it to the shell.</summary>
public enum DashboardExit
{
    /// <summary><c>q</c>: the user is done.</summary>
    Quit,

    /// <summary>Ctrl-C in the dashboard, or SIGINT or SIGTERM sent to the process.</summary>
    Interrupted,
}
