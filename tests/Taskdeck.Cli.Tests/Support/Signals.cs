using System.Runtime.InteropServices;

namespace Taskdeck.Cli.Tests.Support;

/// <summary>Sends a signal as a terminal would on Ctrl-C.</summary>
public static partial class Signals
{
    private const int SIGINT = 2;

    public static int Interrupt(int pid) => Kill(pid, SIGINT);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
