using System.Diagnostics;

namespace Taskdeck.Dashboard.Tests.EndToEnd;

/// <summary>
/// A private tmux server (its own socket) with one pane of a fixed size: a real terminal to type
/// into and read back. Disposing it kills the server and everything still running in it.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _socketName = $"taskdeck-test-{Guid.NewGuid():N}";

    private TmuxSession()
    {
    }

    /// <summary>Starts a shell with a recognisable prompt in a pane of the given size.</summary>
    public static async Task<TmuxSession> StartAsync(int width, int height, IReadOnlyDictionary<string, string> environment, string prompt)
    {
        var session = new TmuxSession();
        List<string> arguments = ["new-session", "-d", "-x", $"{width}", "-y", $"{height}"];
        foreach (var (name, value) in environment)
        {
            arguments.AddRange(["-e", $"{name}={value}"]);
        }

        arguments.AddRange(["-e", $"PS1={prompt}", "bash", "--norc", "--noprofile"]);
        await session.RunAsync(arguments);
        return session;
    }

    public async Task SendLineAsync(string text)
    {
        await RunAsync(["send-keys", "-l", text]);
        await RunAsync(["send-keys", "Enter"]);
    }

    /// <summary>Sends keys by tmux name (Enter, Escape, Space) or literal text with <paramref name="isLiteral"/>.</summary>
    public Task SendKeysAsync(string keys, bool isLiteral = false) =>
        RunAsync(isLiteral ? ["send-keys", "-l", keys] : ["send-keys", keys]);

    public Task<string> CaptureAsync() => RunAsync(["capture-pane", "-p"]);

    /// <summary>Whether the pane shows the alternate screen (a full-screen program is drawing).</summary>
    public async Task<bool> IsAlternateScreenOnAsync() =>
        (await RunAsync(["display-message", "-p", "#{alternate_on}"])).Trim() == "1";

    /// <summary>Whether the pane shows its cursor (a full-screen program may hide it).</summary>
    public async Task<bool> IsCursorVisibleAsync() =>
        (await RunAsync(["display-message", "-p", "#{cursor_flag}"])).Trim() == "1";

    /// <summary>The pane's terminal device, such as /dev/pts/3.</summary>
    public async Task<string> PaneTtyAsync() =>
        (await RunAsync(["display-message", "-p", "#{pane_tty}"])).Trim();

    /// <summary>Waits until the screen satisfies <paramref name="condition"/>; fails with the last screen.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((within ?? TimeSpan.FromSeconds(15)).TotalSeconds * Stopwatch.Frequency);
        var screen = "";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            screen = await CaptureAsync();
            if (condition(screen))
            {
                return screen;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}. The screen:\n{screen}");
    }

    public Task<string> WaitForTextAsync(string text, TimeSpan? within = null) =>
        WaitForAsync(screen => screen.Contains(text, StringComparison.Ordinal), $"'{text}'", within);

    private async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-L");
        startInfo.ArgumentList.Add(_socketName);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("tmux did not start; install it (apt-get install tmux).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {await error}");
        }

        return await output;
    }

    public void Dispose()
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("tmux", ["-L", _socketName, "kill-server"])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            kill?.WaitForExit(5_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No tmux: nothing was started.
        }
    }
}
