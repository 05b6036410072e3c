using System.ComponentModel;
using System.Diagnostics;
using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Providers;

/// <summary>
/// A started provider process in its own session, however it was started: by <c>posix_spawn</c>
/// where the system allows (one program start), else through the <c>setsid</c> command or, with
/// neither, as a plain child.
/// </summary>
internal abstract class ProviderChild : IDisposable
{
    // Known gap: without posix_spawn's session flag or a setsid command (macOS), providers share
    // Taskdeck's session and only the process tree, not the group, is killed.
    private static readonly string? SetsidPath =
        OperatingSystem.IsWindows() ? null : new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    /// <summary>Whether the process leads a process group of its own, whose id is its pid.</summary>
    public abstract bool HasOwnGroup { get; }

    public abstract int Id { get; }

    public abstract Stream StandardOutput { get; }

    public abstract Stream StandardError { get; }

    public abstract bool HasExited { get; }

    public abstract int ExitCode { get; }

    /// <summary>Starts the process, or says why it could not be started.</summary>
    public static ProviderChild? Start(ProcessSpec spec, string runMarker, out string? error)
    {
        var environment = spec.Environment.SetItem(ProviderProcess.RunMarkerVariable, runMarker);
        if (SessionProcess.IsSupported)
        {
            var spawned = SessionProcess.Start(spec.ExecutablePath, spec.Arguments, spec.WorkingDirPath, environment, out error);
            return spawned is null ? null : new Spawned(spawned);
        }

        var process = new Process { StartInfo = CreateStartInfo(spec, environment) };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            error = exception.Message;
            return null;
        }

        process.StandardInput.Close();
        error = null;
        return new Started(process, hasOwnGroup: SetsidPath is not null);
    }

    public abstract Task WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="signal"/> to the whole process group; nothing without one.</summary>
    public void SignalGroup(int signal)
    {
        if (HasOwnGroup)
        {
            _ = NativeMethods.Kill(-Id, signal);
        }
    }

    /// <summary>Kills the process and every descendant that stayed in its group, or its tree without one.</summary>
    public void Kill()
    {
        SignalGroup(NativeMethods.SIGKILL);
        if (!HasOwnGroup)
        {
            KillTree();
        }
    }

    public abstract void Dispose();

    /// <summary>Kills the process tree, for a process without a group of its own.</summary>
    protected virtual void KillTree()
    {
    }

    private static ProcessStartInfo CreateStartInfo(ProcessSpec spec, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = SetsidPath ?? spec.ExecutablePath,
            WorkingDirectory = spec.WorkingDirPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        if (SetsidPath is not null)
        {
            startInfo.ArgumentList.Add(spec.ExecutablePath);
        }

        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private sealed class Spawned(SessionProcess process) : ProviderChild
    {
        public override bool HasOwnGroup => true;

        public override int Id => process.Id;

        public override Stream StandardOutput => process.StandardOutput;

        public override Stream StandardError => process.StandardError;

        public override bool HasExited => process.HasExited;

        public override int ExitCode => process.Exited.Result;

        public override Task WaitForExitAsync(CancellationToken cancellationToken) =>
            process.Exited.WaitAsync(cancellationToken);

        public override void Dispose() => process.Dispose();
    }

    private sealed class Started(Process process, bool hasOwnGroup) : ProviderChild
    {
        public override bool HasOwnGroup => hasOwnGroup;

        // With setsid, the group id equals the pid: setsid execs in place because our child is
        // never a group leader.
        public override int Id => process.Id;

        public override Stream StandardOutput => process.StandardOutput.BaseStream;

        public override Stream StandardError => process.StandardError.BaseStream;

        public override bool HasExited => process.HasExited;

        public override int ExitCode => process.ExitCode;

        public override Task WaitForExitAsync(CancellationToken cancellationToken) =>
            process.WaitForExitAsync(cancellationToken);

        protected override void KillTree()
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        public override void Dispose() => process.Dispose();
    }
}
