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
        await tmux.SendLineAsync($"'{TaskdeckProgram.Path}' '{alpha}' '{beta}' '{slow}'");
        await tmux.WaitForAsync(screen => screen.Contains("▾ alpha") && screen.Contains("▾ beta") && screen.Contains("▾ slow"), "the project names");
        var first = await tmux.WaitForAsync(screen => LineWith(screen, "A-1 Pay by card")?.Contains("todo") == true, "alpha's first result");
        Assert.DoesNotContain("B-1 Redeem voucher", first);

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

        // q quits: the shell prompt is back, the alternate screen is gone, and the provider
        // still running (with its child) has been killed.
        var providerPid = int.Parse(File.ReadAllText(Path.Combine(slow, "provider.pid")).Trim());
        var childPid = int.Parse(File.ReadAllText(Path.Combine(slow, "child.pid")).Trim());
        Assert.True(ProcessTable.IsAlive(childPid));
        await tmux.SendKeysAsync("q", isLiteral: true);
        await tmux.WaitForAsync(screen => screen.TrimEnd().EndsWith(Prompt.TrimEnd(), StringComparison.Ordinal), "the shell prompt");
        Assert.False(await tmux.IsAlternateScreenOnAsync());
        Assert.Empty(await ProcessTable.SurvivorsAsync([providerPid, childPid], TimeSpan.FromSeconds(5)));
    }

    /// <summary>The first screen line holding <paramref name="text"/> (below the line holding <paramref name="after"/>).</summary>
    private static string? LineWith(string screen, string text, string? after = null)
    {
        var lines = screen.Split('\n');
        var start = after is null ? 0 : Array.FindIndex(lines, line => line.Contains(after, StringComparison.Ordinal)) + 1;
        return lines.Skip(start).FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
    }
}
