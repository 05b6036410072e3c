using System.Diagnostics;
using System.Text.Json;
using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests;

public sealed class DiscoveryTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string[] ProjectNames(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("projects").EnumerateArray()
            .Select(project => project.GetProperty("name").GetString()!).ToArray();
    }

    [Fact(Timeout = 60_000)]
    public async Task List_NoPaths_UsesTheGlobalProjectsGlobsInOrder()
    {
        _workspace.AddFakeProject("code/b");
        _workspace.AddFakeProject("code/a");
        _workspace.AddFakeProject("other/c");
        _workspace.WriteFile("xdg-config/taskdeck/config.yaml", $"projects:\n  - {_workspace.PathOf("other/c")}\n  - {_workspace.PathOf("code")}/*\n");

        var result = await TaskdeckProcess.RunAsync(_workspace, ["list", "--json"]);

        Assert.Equal(["c", "a", "b"], ProjectNames(result.Stdout));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_NoPathsAndNoConfig_UsesTheCurrentFolder()
    {
        var dir = _workspace.AddFakeProject("here");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));

        var result = await TaskdeckProcess.RunAsync(_workspace, ["list", "--json"], workingDirPath: Path.Combine(dir, "sub"));

        Assert.Equal(["here"], ProjectNames(result.Stdout));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_SameProjectThroughSeveralPaths_StartsItsProviderOnce()
    {
        var markerPath = _workspace.PathOf("runs.txt");
        var dir = _workspace.AddMarkedScriptProject("shop", markerPath);
        var subDir = Directory.CreateDirectory(Path.Combine(dir, "src")).FullName;
        var linkPath = _workspace.PathOf("shop-link");
        Directory.CreateSymbolicLink(linkPath, dir);
        var trust = await TaskdeckProcess.RunAsync(_workspace, "trust", "--yes", dir);
        Assert.True(trust.ExitCode == 0, trust.ToString());

        // --no-cache: every path that counted as a project of its own would run again.
        var result = await TaskdeckProcess.RunAsync(_workspace, ["list", "--json", "--no-cache", dir, subDir, linkPath, dir]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["shop"], ProjectNames(result.Stdout));
        Assert.Single(File.ReadAllLines(markerPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_Tmux_AddsTheFolderOfEveryPane()
    {
        var first = _workspace.AddFakeProject("pane-one");
        var second = _workspace.AddFakeProject("pane-two");
        var socketDir = _workspace.PathOf("tmux");
        Directory.CreateDirectory(socketDir);
        var environment = new Dictionary<string, string> { ["TMUX_TMPDIR"] = socketDir };
        await TmuxAsync(socketDir, "new-session", "-d", "-c", first, "-x", "80", "-y", "24");
        try
        {
            await TmuxAsync(socketDir, "split-window", "-c", second);
            await TmuxAsync(socketDir, "split-window", "-c", Path.Combine(first));

            var result = await TaskdeckProcess.RunAsync(_workspace, ["list", "--json", "--tmux", "--cached"], environment: environment);

            Assert.Equal(["pane-one", "pane-two"], ProjectNames(result.Stdout));
        }
        finally
        {
            await TmuxAsync(socketDir, "kill-server");
        }
    }

    private static async Task TmuxAsync(string socketDir, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("tmux", arguments) { UseShellExecute = false, RedirectStandardError = true };
        startInfo.Environment["TMUX_TMPDIR"] = socketDir;
        startInfo.Environment.Remove("TMUX");
        using var process = Process.Start(startInfo)!;
        await process.WaitForExitAsync();
    }
}
