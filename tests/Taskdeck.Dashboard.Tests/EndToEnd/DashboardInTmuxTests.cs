using System.Diagnostics;
using System.Globalization;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Dashboard.Tests.EndToEnd;

/// <summary>The real <c>taskdeck</c> program in a real terminal (tmux), driven by keys.</summary>
[Collection(Support.TerminalCollection.Name)]
public sealed class DashboardInTmuxTests
{
    private const string Prompt = "E2E-PROMPT> ";

    // A provider in the user's own providers folder: it needs no trust, and prints a status the
    // test rewrites between refreshes.
    private const string ListProvider = """
        #!/bin/sh
        status=$(cat "$TASKDECK_PROJECT_DIR/status.txt")
        cat <<JSON
        {"groups": [
          {"id": "G1", "title": "Checkout", "is_current": true, "tasks": [
            {"id": "A-1", "title": "Pay by card", "status": "$status"},
            {"id": "A-2", "title": "Print receipt", "status": "todo"}]},
          {"id": "G2", "title": "Gift cards", "tasks": [
            {"id": "B-1", "title": "Redeem voucher", "status": "todo"}]}]}
        JSON
        """;

    // A provider that never answers in time: it is still running when the test quits.
    private const string SlowProvider = """
        #!/bin/sh
        echo $$ > "$TASKDECK_PROJECT_DIR/provider.pid"
        sleep 60 &
        echo $! > "$TASKDECK_PROJECT_DIR/child.pid"
        wait
        """;

    [Fact(Timeout = 90_000)]
    public async Task Dashboard_InARealTerminal_SearchesMovesTogglesRefreshesAndQuitsCleanly()
    {
        // Arrange
        using var workspace = new TempWorkspace();
        workspace.WriteFile("xdg-config/taskdeck/providers/e2e-list", ListProvider.Replace("\r", ""), isExecutable: true);
        workspace.WriteFile("xdg-config/taskdeck/providers/e2e-slow", SlowProvider.Replace("\r", ""), isExecutable: true);
        var alpha = workspace.AddProject("alpha", "tasks:\n  provider: e2e-list\n  interval: 1h\n");
        workspace.WriteFile("alpha/status.txt", "todo");
        var beta = workspace.AddProject("beta", "tasks:\n  provider: e2e-list\n  interval: 1h\n");
        workspace.WriteFile("beta/status.txt", "wip");
        var slow = workspace.AddProject("slow", "tasks:\n  provider: e2e-slow\n  timeout: 1m\n");

        using var tmux = await TmuxSession.StartAsync(80, 24, workspace.XdgEnvironment, Prompt);
        await tmux.WaitForTextAsync(Prompt.TrimEnd());

        // Act & Assert: the projects appear, alpha with the status its provider printed.
        await tmux.SendLineAsync($"{SaveTerminalMode(workspace)}; '{TaskdeckProgram.Path}' '{alpha}' '{beta}' '{slow}'");
        await tmux.WaitForAsync(screen => screen.Contains("▾ alpha") && screen.Contains("▾ beta") && screen.Contains("▾ slow"), "the project names");
        var first = await tmux.WaitForAsync(screen => LineWith(screen, "A-1 Pay by card")?.Contains("todo") == true, "alpha's first result");
        Assert.DoesNotContain("B-1 Redeem voucher", first);

        // While it draws, the terminal is raw and the cursor hidden: what quitting has to undo.
        var whileRunning = await TerminalFlagsAsync(await tmux.PaneTtyAsync());
        Assert.Contains("-icanon", whileRunning);
        Assert.Contains("-echo", whileRunning);
        Assert.False(await tmux.IsCursorVisibleAsync());

        // The slow provider is still running, and both its row and the header say so.
        var running = await tmux.WaitForTextAsync("refreshing 1/3");
        Assert.Contains("⟳ running", LineWith(running, "▾ slow"));

        // A search opens the closed group holding its match and moves there.
        await tmux.SendKeysAsync("/");
        await tmux.SendKeysAsync("redeem", isLiteral: true);
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForTextAsync("/redeem  match 1 of 2");
        Assert.Contains("B-1 Redeem voucher", await tmux.CaptureAsync());

        // Esc clears it (the group closes again, the cursor falls back to it); moving up and
        // down returns to the group, and space opens it by hand.
        await tmux.SendKeysAsync("Escape");
        await tmux.WaitForAsync(screen => !screen.Contains("/redeem") && !screen.Contains("B-1 Redeem voucher"), "the search to clear");
        await tmux.SendKeysAsync("kj", isLiteral: true);
        await tmux.SendKeysAsync(" ", isLiteral: true);
        await tmux.WaitForTextAsync("B-1 Redeem voucher");

        // r refreshes the selected project now and shows what its provider prints this time.
        File.WriteAllText(Path.Combine(alpha, "status.txt"), "Done");
        await tmux.SendKeysAsync("r", isLiteral: true);
        await tmux.WaitForAsync(screen => LineWith(screen, "A-1 Pay by card")?.Contains("Done") == true, "alpha's refreshed status");
        Assert.Contains("wip", LineWith(await tmux.CaptureAsync(), "A-1 Pay by card", after: "▾ beta"));

        // q quits: the shell prompt is back, the alternate screen is gone, the terminal's mode
        // and cursor are as before, the exit code is 0, and the provider still running (with
        // its child) has been killed.
        var (providerPid, childPid) = await SlowProviderPidsAsync(slow);
        Assert.True(ProcessTable.IsAlive(childPid));
        await tmux.SendKeysAsync("q", isLiteral: true);
        var shell = await ShellAfterExitAsync(tmux, workspace);
        Assert.False(await tmux.IsAlternateScreenOnAsync());
        Assert.Equal(0, shell.ExitCode);
        AssertTerminalRestored(shell);
        Assert.Empty(await ProcessTable.SurvivorsAsync([providerPid, childPid], TimeSpan.FromSeconds(5)));
    }

    [Fact(Timeout = 90_000)]
    public async Task Dashboard_CtrlC_ExitsWith130RestoresTheTerminalAndStopsItsProviders()
    {
        // Arrange
        using var workspace = new TempWorkspace();
        workspace.WriteFile("xdg-config/taskdeck/providers/e2e-slow", SlowProvider.Replace("\r", ""), isExecutable: true);
        var slow = workspace.AddProject("slow", "tasks:\n  provider: e2e-slow\n  timeout: 1m\n");
        using var tmux = await TmuxSession.StartAsync(80, 24, workspace.XdgEnvironment, Prompt);
        await tmux.WaitForTextAsync(Prompt.TrimEnd());
        await tmux.SendLineAsync($"{SaveTerminalMode(workspace)}; '{TaskdeckProgram.Path}' '{slow}'");
        await tmux.WaitForAsync(screen => LineWith(screen, "▾ slow")?.Contains("⟳ running") == true, "the provider to run");
        var (providerPid, childPid) = await SlowProviderPidsAsync(slow);

        // Act: in the dashboard's raw terminal, Ctrl-C arrives as a key, not as SIGINT.
        await tmux.SendKeysAsync("C-c");
        var shell = await ShellAfterExitAsync(tmux, workspace);

        // Assert
        Assert.Equal(130, shell.ExitCode);
        Assert.False(await tmux.IsAlternateScreenOnAsync());
        AssertTerminalRestored(shell);
        Assert.Empty(await ProcessTable.SurvivorsAsync([providerPid, childPid], TimeSpan.FromSeconds(5)));
    }

    /// <summary>A shell command that saves the pane's terminal mode before taskdeck starts.</summary>
    private static string SaveTerminalMode(TempWorkspace workspace) => $"stty -g > '{workspace.PathOf("stty-before")}'";

    /// <summary>
    /// Once the prompt is back, reads in the pane itself taskdeck's exit code and the terminal's
    /// mode (bash hands a command the mode the previous one left, so stty sees what taskdeck left).
    /// </summary>
    private static async Task<ShellAfterExit> ShellAfterExitAsync(TmuxSession tmux, TempWorkspace workspace)
    {
        await tmux.WaitForAsync(
            screen => screen.TrimEnd().EndsWith(Prompt.TrimEnd(), StringComparison.Ordinal), "the shell prompt");
        var afterPath = workspace.PathOf("stty-after");
        var allPath = workspace.PathOf("stty-all");
        var codePath = workspace.PathOf("exit-code");

        // $? first, before any other command replaces it; the code file last, as the sign of done.
        await tmux.SendLineAsync(
            $"code=$?; stty -g > '{afterPath}'; stty -a > '{allPath}'; echo \"$code\" > '{codePath}.tmp'; mv '{codePath}.tmp' '{codePath}'");
        await WaitForFileAsync(codePath);
        return new ShellAfterExit(
            int.Parse(File.ReadAllText(codePath).Trim(), CultureInfo.InvariantCulture),
            File.ReadAllText(workspace.PathOf("stty-before")).Trim(),
            File.ReadAllText(afterPath).Trim(),
            Flags(File.ReadAllText(allPath)),
            await tmux.IsCursorVisibleAsync());
    }

    private static void AssertTerminalRestored(ShellAfterExit shell)
    {
        Assert.Equal(shell.ModeBefore, shell.ModeAfter);
        Assert.Contains("icanon", shell.Flags);
        Assert.DoesNotContain("-icanon", shell.Flags);
        Assert.Contains("echo", shell.Flags);
        Assert.DoesNotContain("-echo", shell.Flags);
        Assert.True(shell.IsCursorVisible, "the cursor is still hidden");
    }

    /// <summary>The flags <c>stty -a</c> reports for a terminal device, read from outside the pane.</summary>
    private static async Task<IReadOnlySet<string>> TerminalFlagsAsync(string ttyPath)
    {
        var startInfo = new ProcessStartInfo("stty", ["-a", "-F", ttyPath]) { RedirectStandardOutput = true };
        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return Flags(output);
    }

    private static HashSet<string> Flags(string sttyOutput) =>
        [.. sttyOutput.Split([' ', '\n', ';'], StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The slow provider's pid and its child's, once it has written both.</summary>
    private static async Task<(int Provider, int Child)> SlowProviderPidsAsync(string projectDirPath)
    {
        var childPath = Path.Combine(projectDirPath, "child.pid");
        await WaitForFileAsync(childPath);
        return (ReadPid(Path.Combine(projectDirPath, "provider.pid")), ReadPid(childPath));

        static int ReadPid(string path) => int.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task WaitForFileAsync(string path)
    {
        for (var attempt = 0; !File.Exists(path) || File.ReadAllText(path).Length == 0; attempt++)
        {
            if (attempt == 300)
            {
                throw new Xunit.Sdk.XunitException($"'{path}' did not appear within 15 seconds.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>What the shell saw once taskdeck had exited.</summary>
    private sealed record ShellAfterExit(
        int ExitCode, string ModeBefore, string ModeAfter, IReadOnlySet<string> Flags, bool IsCursorVisible);

    /// <summary>The first screen line holding <paramref name="text"/> (below the line holding <paramref name="after"/>).</summary>
    private static string? LineWith(string screen, string text, string? after = null)
    {
        var lines = screen.Split('\n');
        var start = after is null ? 0 : Array.FindIndex(lines, line => line.Contains(after, StringComparison.Ordinal)) + 1;
        return lines.Skip(start).FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
    }
}
