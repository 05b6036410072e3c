using System.Diagnostics;

namespace Taskdeck.Core.Discovery;

/// <summary>The working folders of every tmux pane, for <c>--tmux</c>.</summary>
public static class TmuxPanes
{
    public static async Task<IReadOnlyList<string>> ListFolderPathsAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("tmux", ["list-panes", "-a", "-F", "#{pane_current_path}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("--tmux needs the tmux command, which was not found on PATH.");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"--tmux could not list tmux panes ({error.Trim()}); is a tmux server running?");
            }

            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }
}
