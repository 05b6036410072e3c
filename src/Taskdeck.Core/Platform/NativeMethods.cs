using System.Runtime.InteropServices;

namespace Taskdeck.Core.Platform;

/// <summary>The few POSIX calls .NET does not expose: process groups and canonical paths.</summary>
internal static partial class NativeMethods
{
    public const int SIGTERM = 15;
    public const int SIGKILL = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint RealPath(string path, nint resolvedPath);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(nint pointer);
}
