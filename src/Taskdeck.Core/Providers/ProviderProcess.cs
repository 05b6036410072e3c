using System.Buffers;
using System.Diagnostics;
using System.Text;
using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Providers;

/// <summary>
/// Runs one provider process so that nothing it does can hurt Taskdeck or outlive the run: it gets
/// its own session (no terminal, its own process group), a closed stdin, capped output buffers and
/// a time limit, and everything it started is killed when the run ends.
/// </summary>
public static class ProviderProcess
{
    /// <summary>The variable that marks every process of one run, even those that leave its group.</summary>
    public const string RunMarkerVariable = "TASKDECK_RUN_ID";

    private static readonly TimeSpan TerminateGrace = TimeSpan.FromMilliseconds(300);

    public static async Task<ProcessOutcome> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var runMarker = Guid.NewGuid().ToString("N");
        var stopwatch = Stopwatch.StartNew();

        using var process = ProviderChild.Start(spec, runMarker, out var startError);
        if (process is null)
        {
            return new ProcessOutcome(null, [], 0, "", false, false, stopwatch.Elapsed,
                $"could not start '{spec.ExecutablePath}': {startError}");
        }

        using var stopReading = new CancellationTokenSource();
        var stdout = new CappedBuffer(spec.MaxStdoutBytes);
        var stderr = new TailBuffer(spec.StderrTailBytes);
        var stdoutTask = DrainAsync(process.StandardOutput, chunk =>
        {
            if (!stdout.Append(chunk))
            {
                // Stop the flood at once rather than reading it to the end.
                process.SignalGroup(NativeMethods.SIGKILL);
                return false;
            }

            return true;
        }, stopReading.Token);
        var stderrTask = DrainAsync(process.StandardError, chunk =>
        {
            stderr.Append(chunk);
            return true;
        }, stopReading.Token);

        var isTimedOut = false;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(spec.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                isTimedOut = !cancellationToken.IsCancellationRequested;
                await TerminateAsync(process).ConfigureAwait(false);
            }
        }

        var drains = Task.WhenAll(stdoutTask, stderrTask);
        if (isTimedOut || cancellationToken.IsCancellationRequested)
        {
            // Everything of this run goes now, including what left the group, so that a timeout
            // costs the limit and not the limit plus a wait for leftovers.
            KillMarkedProcesses(runMarker);
        }
        else if (!await CompletesWithinAsync(drains, spec.ExitGrace).ConfigureAwait(false))
        {
            // The provider exited, but a child it left behind still holds stdout open.
            process.SignalGroup(NativeMethods.SIGKILL);
            if (!await CompletesWithinAsync(drains, TerminateGrace).ConfigureAwait(false))
            {
                // Only processes that left the group can still hold the pipes: find them by marker.
                KillMarkedProcesses(runMarker);
            }
        }

        // Whatever the provider left running in its group does not outlive the run.
        // Known gap: after a run that ended normally, a descendant that left the group and closed
        // its output (a daemon the provider started on purpose) is not hunted down.
        process.SignalGroup(NativeMethods.SIGKILL);
        if (!await CompletesWithinAsync(drains, TerminateGrace).ConfigureAwait(false))
        {
            // Someone outside our reach holds the pipes; stop waiting for them.
            await stopReading.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(stdoutTask.ContinueWith(_ => { }, TaskScheduler.Default),
            stderrTask.ContinueWith(_ => { }, TaskScheduler.Default)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        return new ProcessOutcome(
            process.HasExited && !isTimedOut && !stdout.IsOverLimit ? process.ExitCode : null,
            stdout.TakeBytes(),
            stdout.TotalBytes,
            DecodeTail(stderr.ToArray()),
            isTimedOut,
            stdout.IsOverLimit,
            stopwatch.Elapsed);
    }

    private static async Task DrainAsync(Stream stream, Func<ReadOnlySpan<byte>, bool> onChunk, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0 || !onChunk(buffer.AsSpan(0, read)))
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task TerminateAsync(ProviderChild process)
    {
        // Ask politely first so a provider can clean up, then make sure.
        process.SignalGroup(NativeMethods.SIGTERM);
        using var grace = new CancellationTokenSource(TerminateGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Still running after the polite request.
        }

        process.Kill();
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Kills every process that inherited this run's marker: the ones that called setsid or
    /// double-forked out of the provider's group, which no group signal reaches.
    /// </summary>
    private static void KillMarkedProcesses(string runMarker)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var needle = Encoding.UTF8.GetBytes($"{RunMarkerVariable}={runMarker}\0");
        for (var pass = 0; pass < 3; pass++)
        {
            var killedAny = false;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
                {
                    continue;
                }

                byte[] environment;
                try
                {
                    environment = File.ReadAllBytes(Path.Combine(dir, "environ"));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                if (environment.AsSpan().IndexOf(needle) >= 0)
                {
                    _ = NativeMethods.Kill(pid, NativeMethods.SIGKILL);
                    killedAny = true;
                }
            }

            // A process may have forked while we scanned; look again until nothing is found.
            if (!killedAny)
            {
                return;
            }
        }
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan limit)
    {
        var finished = await Task.WhenAny(task, Task.Delay(limit)).ConfigureAwait(false);
        return finished == task;
    }

    private static string DecodeTail(byte[] bytes)
    {
        // The tail may start inside a multi-byte character; the decoder replaces that fragment.
        return Encoding.UTF8.GetString(bytes);
    }
}
