using System.Collections;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Taskdeck.Core.Platform;

/// <summary>
/// A child process started by <c>posix_spawn</c> as the leader of a new session (so it has no
/// controlling terminal and its group id is its pid), with stdin on <c>/dev/null</c> and stdout
/// and stderr on pipes. Starting it this way costs one program start, where going through the
/// <c>setsid</c> command costs two.
/// </summary>
internal sealed unsafe partial class SessionProcess : IDisposable
{
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SessionProcess(int id, Stream standardOutput, Stream standardError)
    {
        Id = id;
        StandardOutput = standardOutput;
        StandardError = standardError;

        // Nothing else reaps this child (.NET only waits for the processes it started itself), so
        // a thread of its own waits for it; it ends when the process does.
        var waiter = new Thread(WaitForExit) { IsBackground = true, Name = "Taskdeck provider wait" };
        waiter.Start();
    }

    /// <summary>Whether this system can start processes this way (Linux with glibc 2.29 or later).</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc)
        && NativeLibrary.TryGetExport(libc, "posix_spawn_file_actions_addchdir_np", out _);

    /// <summary>Also the id of the process group and of the session it leads.</summary>
    public int Id { get; }

    public Stream StandardOutput { get; }

    public Stream StandardError { get; }

    /// <summary>Its exit code, or 128 plus the signal that ended it.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>
    /// Starts <paramref name="executablePath"/>; on failure returns null and the reason, such as
    /// a missing file or a script whose interpreter does not exist.
    /// </summary>
    public static SessionProcess? Start(
        string executablePath, IReadOnlyList<string> arguments, string workingDirPath,
        IReadOnlyDictionary<string, string> environmentOverrides, out string? error)
    {
        var (stdoutRead, stdoutWrite) = CreatePipe();
        var (stderrRead, stderrWrite) = CreatePipe();
        var allocations = new List<nint>();
        nint Utf8(string text)
        {
            var pointer = Marshal.StringToCoTaskMemUTF8(text);
            allocations.Add(pointer);
            return pointer;
        }

        var fileActions = NativeMemory.AllocZeroed(1024);
        var attributes = NativeMemory.AllocZeroed(1024);
        var signals = NativeMemory.AllocZeroed(128);
        try
        {
            var argv = new nint[arguments.Count + 2];
            argv[0] = Utf8(executablePath);
            for (var index = 0; index < arguments.Count; index++)
            {
                argv[index + 1] = Utf8(arguments[index]);
            }

            var environment = Environment.GetEnvironmentVariables()
                .Cast<DictionaryEntry>()
                .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
            foreach (var (name, value) in environmentOverrides)
            {
                environment[name] = value;
            }

            var envp = environment.Select(pair => Utf8($"{pair.Key}={pair.Value}")).Append(0).ToArray();

            Check(FileActionsInit(fileActions), "posix_spawn_file_actions_init");
            Check(FileActionsAddOpen(fileActions, 0, Utf8("/dev/null"), 0, 0), "posix_spawn_file_actions_addopen");
            Check(FileActionsAddDup2(fileActions, (int)stdoutWrite.DangerousGetHandle(), 1), "posix_spawn_file_actions_adddup2");
            Check(FileActionsAddDup2(fileActions, (int)stderrWrite.DangerousGetHandle(), 2), "posix_spawn_file_actions_adddup2");
            Check(FileActionsAddChdir(fileActions, Utf8(workingDirPath)), "posix_spawn_file_actions_addchdir_np");

            // The runtime blocks and handles signals of its own; the provider starts with none
            // blocked and every signal at its default (SIGPIPE included, which .NET ignores).
            Check(AttrInit(attributes), "posix_spawnattr_init");
            Check(SigEmptySet(signals), "sigemptyset");
            Check(AttrSetSigMask(attributes, signals), "posix_spawnattr_setsigmask");
            Check(SigFillSet(signals), "sigfillset");
            Check(SigDelSet(signals, NativeMethods.SIGKILL), "sigdelset");
            Check(SigDelSet(signals, SIGSTOP), "sigdelset");
            Check(AttrSetSigDefault(attributes, signals), "posix_spawnattr_setsigdefault");
            Check(AttrSetFlags(attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF), "posix_spawnattr_setflags");

            int pid;
            int result;
            fixed (nint* argvPointer = argv)
            fixed (nint* envpPointer = envp)
            {
                result = Spawn(&pid, argv[0], fileActions, attributes, argvPointer, envpPointer);
            }

            if (result != 0)
            {
                error = Marshal.GetPInvokeErrorMessage(result);
                stdoutRead.Dispose();
                stderrRead.Dispose();
                return null;
            }

            error = null;
            return new SessionProcess(pid, ReadStream(stdoutRead), ReadStream(stderrRead));
        }
        catch
        {
            stdoutRead.Dispose();
            stderrRead.Dispose();
            throw;
        }
        finally
        {
            // The child has its own copies of the write ends; ours must go, or reads never end.
            stdoutWrite.Dispose();
            stderrWrite.Dispose();
            _ = FileActionsDestroy(fileActions);
            _ = AttrDestroy(attributes);
            NativeMemory.Free(fileActions);
            NativeMemory.Free(attributes);
            NativeMemory.Free(signals);
            allocations.ForEach(Marshal.ZeroFreeCoTaskMemUTF8);
        }
    }

    public void Dispose()
    {
        StandardOutput.Dispose();
        StandardError.Dispose();
    }

    private void WaitForExit()
    {
        int status;
        int waited;
        do
        {
            waited = WaitPid(Id, &status, 0);
        }
        while (waited < 0 && Marshal.GetLastPInvokeError() == EINTR);

        if (waited < 0)
        {
            _exited.TrySetResult(-1);
            return;
        }

        var signal = status & 0x7f;
        _exited.TrySetResult(signal == 0 ? (status >> 8) & 0xff : 128 + signal);
    }

    private static (SafeFileHandle Read, SafeFileHandle Write) CreatePipe()
    {
        var fds = stackalloc int[2];
        if (Pipe2(fds, O_CLOEXEC) != 0)
        {
            throw new IOException($"Could not create a pipe: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        return (new SafeFileHandle(fds[0], ownsHandle: true), new SafeFileHandle(fds[1], ownsHandle: true));
    }

    // A pipe stream reads asynchronously through the runtime's event loop, as Process's own do.
    private static AnonymousPipeClientStream ReadStream(SafeFileHandle readEnd)
    {
        var fd = readEnd.DangerousGetHandle();
        readEnd.SetHandleAsInvalid();
        return new AnonymousPipeClientStream(PipeDirection.In, new SafePipeHandle(fd, ownsHandle: true));
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(result)}");
        }
    }

    private const int O_CLOEXEC = 0x80000;
    private const int EINTR = 4;
    private const int SIGSTOP = 19;
    private const short POSIX_SPAWN_SETSIGDEF = 0x04;
    private const short POSIX_SPAWN_SETSIGMASK = 0x08;
    private const short POSIX_SPAWN_SETSID = 0x80;

    [LibraryImport("libc", EntryPoint = "posix_spawn")]
    private static partial int Spawn(int* pid, nint path, void* fileActions, void* attributes, nint* argv, nint* envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int FileActionsInit(void* fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int FileActionsDestroy(void* fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen")]
    private static partial int FileActionsAddOpen(void* fileActions, int fd, nint path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static partial int FileActionsAddDup2(void* fileActions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np")]
    private static partial int FileActionsAddChdir(void* fileActions, nint path);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static partial int AttrInit(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static partial int AttrDestroy(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static partial int AttrSetFlags(void* attributes, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    private static partial int AttrSetSigMask(void* attributes, void* signals);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static partial int AttrSetSigDefault(void* attributes, void* signals);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    private static partial int SigEmptySet(void* signals);

    [LibraryImport("libc", EntryPoint = "sigfillset")]
    private static partial int SigFillSet(void* signals);

    [LibraryImport("libc", EntryPoint = "sigdelset")]
    private static partial int SigDelSet(void* signals, int signal);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2(int* fds, int flags);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, int* status, int options);
}
