using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Trust;

/// <summary>
/// Trust through the real program: a script from a project runs only after <c>taskdeck trust</c>,
/// and every run or non-run is proven by a marker file the script writes.
/// </summary>
public sealed class TrustCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string MarkerPath => _workspace.PathOf("ran");

    [Fact(Timeout = 60_000)]
    public async Task List_ClonedProjectWithScript_IsUntrustedRunsNothingAndNamesTheTrustCommand()
    {
        // Arrange
        var dir = AddScriptProject("shop");

        // Act
        var run = await TaskdeckAsync("list", dir);
        var json = await TaskdeckAsync("list", "--json", dir);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("untrusted", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"taskdeck trust '{dir}'", Unwrapped(run.Stdout), StringComparison.Ordinal);
        Assert.Contains($"hint: 1 project is not trusted, so its script did not run; see what it runs and trust it with: taskdeck trust '{dir}'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"untrusted\"", json.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        Assert.False(File.Exists(MarkerPath), "the untrusted script ran");
    }

    [Fact(Timeout = 60_000)]
    public async Task Trust_StdinNotATerminalWithoutYes_ShowsWhatWouldRunAndRefuses()
    {
        // Arrange
        var dir = AddScriptProject("shop");

        // Act
        var trust = await TaskdeckAsync("trust", dir);
        var list = await TaskdeckAsync("list", dir);

        // Assert
        Assert.Equal(2, trust.ExitCode);
        Assert.Contains($"runs      {dir}/tasks.sh (a script inside the project)", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains("stdin is not a terminal", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains($"taskdeck trust --yes '{dir}'", trust.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, list.ExitCode);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task Trust_WithYes_ShowsPathFirstLinesAndArgsThenListRunsTheScript()
    {
        // Arrange
        var dir = AddScriptProject("shop", args: "team: checkout");

        // Act
        var trust = await TaskdeckAsync("trust", "--yes", dir);
        var list = await TaskdeckAsync("list", dir);

        // Assert
        Assert.Equal(0, trust.ExitCode);
        Assert.Contains($"runs      {dir}/tasks.sh", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains("arg       team = checkout  (TASKDECK_ARG_TEAM)", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains("  | #!/bin/sh\n", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains("Trusted project 'shop'", trust.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Task from shop", list.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task Trust_NoPathInASubfolder_WalksUpToTheProject()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        var subfolder = Directory.CreateDirectory(Path.Combine(dir, "src", "deep")).FullName;

        // Act
        var trust = await TaskdeckAsync(["trust", "--yes"], workingDirPath: subfolder);
        var list = await TaskdeckAsync("list", dir);

        // Assert
        Assert.Equal(0, trust.ExitCode);
        Assert.Contains($"folder    {dir}\n", trust.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("y\n", 0, true)]
    [InlineData("yes\n", 0, true)]
    [InlineData("n\n", 1, false)]
    [InlineData("\n", 1, false)]
    public async Task Trust_OnATerminal_AsksAndTrustsOnlyOnYes(string answer, int expectedExitCode, bool isTrusted)
    {
        // Arrange
        var dir = AddScriptProject("shop");

        // Act
        var trust = await TaskdeckProcess.RunOnTerminalAsync(_workspace, ["trust", dir], answer);
        var list = await TaskdeckAsync("list", dir);

        // Assert
        Assert.Equal(expectedExitCode, trust.ExitCode);
        Assert.Contains("Trust project 'shop' and let Taskdeck run this script? [y/N]", trust.Stdout, StringComparison.Ordinal);
        Assert.Equal(isTrusted ? 0 : 1, list.ExitCode);
        Assert.Equal(isTrusted, File.Exists(MarkerPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_ScriptEditedAfterTrust_IsUntrustedAndTrustShowsTheChange()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        await TaskdeckAsync("trust", "--yes", dir);
        File.AppendAllText(Path.Combine(dir, "tasks.sh"), "echo pwned > /dev/null\n");

        // Act
        var list = await TaskdeckAsync("list", dir);
        var trust = await TaskdeckAsync("trust", dir);

        // Assert
        Assert.Equal(1, list.ExitCode);
        Assert.Contains("changed since you trusted it", Unwrapped(list.Stdout), StringComparison.Ordinal);
        Assert.False(File.Exists(MarkerPath));
        Assert.Contains("changed   since you trusted it on", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains("  | +echo pwned > /dev/null\n", trust.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_ArgsEditedAfterTrust_IsUntrustedAndTrustShowsTheChange()
    {
        // Arrange
        var dir = AddScriptProject("shop", args: "team: checkout");
        await TaskdeckAsync("trust", "--yes", dir);
        var projectFilePath = Path.Combine(dir, ".taskdeck.yaml");
        File.WriteAllText(projectFilePath, File.ReadAllText(projectFilePath).Replace("checkout", "'$(id)'", StringComparison.Ordinal));

        // Act
        var list = await TaskdeckAsync("list", dir);
        var trust = await TaskdeckAsync("trust", "--yes", dir);
        var listAfter = await TaskdeckAsync("list", dir);

        // Assert
        Assert.Equal(1, list.ExitCode);
        Assert.Contains("its project file", Unwrapped(list.Stdout), StringComparison.Ordinal);
        Assert.Contains("  | args.team: 'checkout' → '$(id)'\n", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains("  | -    team: checkout\n  | +    team: '$(id)'\n", trust.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, listAfter.ExitCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task TrustList_AfterAChange_ShowsEveryRecordAndWhatChanged()
    {
        // Arrange
        var changed = AddScriptProject("changed");
        var unchanged = AddScriptProject("unchanged");
        var gone = AddScriptProject("gone");
        await TaskdeckAsync("trust", "--yes", changed, unchanged, gone);
        File.AppendAllText(Path.Combine(changed, "tasks.sh"), "# new line\n");
        Directory.Delete(gone, recursive: true);

        // Act
        var run = await TaskdeckAsync("trust", "--list");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var expectedStart = $"{changed}  (trusted ";
        Assert.StartsWith(expectedStart, run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  CHANGED: does not run until trusted again with: taskdeck trust '{changed}'\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  | +# new line\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{unchanged}  (trusted ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  matches: runs as trusted\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  folder gone; forget it with: taskdeck untrust '{gone}'\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Untrust_TrustedProject_StopsItRunning()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        await TaskdeckAsync("trust", "--yes", dir);

        // Act
        var untrust = await TaskdeckAsync("untrust", dir);
        var list = await TaskdeckAsync("list", dir);
        var records = await TaskdeckAsync("trust", "--list");

        // Assert
        Assert.Equal(0, untrust.ExitCode);
        Assert.Contains("is no longer trusted", untrust.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, list.ExitCode);
        Assert.False(File.Exists(MarkerPath));
        Assert.StartsWith("No project is trusted yet", records.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Untrust_FolderThatIsGone_ForgetsItsRecord()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        await TaskdeckAsync("trust", "--yes", dir);
        Directory.Delete(dir, recursive: true);

        // Act
        var untrust = await TaskdeckAsync("untrust", dir);
        var again = await TaskdeckAsync("untrust", dir);

        // Assert
        Assert.Equal(0, untrust.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("No project and no trust record", again.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task List_ProjectMovedAfterTrust_NeedsTrustAgain()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        await TaskdeckAsync("trust", "--yes", dir);
        var movedDir = _workspace.PathOf("elsewhere");
        Directory.Move(dir, movedDir);

        // Act
        var list = await TaskdeckAsync("list", movedDir);

        // Assert
        Assert.Equal(1, list.ExitCode);
        Assert.Contains($"taskdeck trust '{movedDir}'", Unwrapped(list.Stdout), StringComparison.Ordinal);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task Trust_ScriptLinkPointingOutsideTheProject_IsRefusedAndNothingRuns()
    {
        // Arrange
        var outsidePath = WriteScript("outside/evil.sh");
        var dir = _workspace.AddProject("shop", "tasks:\n  provider: ./tasks.sh\n");
        File.CreateSymbolicLink(Path.Combine(dir, "tasks.sh"), outsidePath);

        // Act
        var trust = await TaskdeckAsync("trust", "--yes", dir);
        var list = await TaskdeckAsync("list", dir);

        // Assert
        Assert.Equal(1, trust.ExitCode);
        Assert.Contains("leads outside the project folder", trust.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, list.ExitCode);
        Assert.Contains("config", list.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_UserFolderProvider_RunsWithoutTrust()
    {
        // Arrange
        WriteScript(Path.GetRelativePath(_workspace.RootPath, Path.Combine(_workspace.Paths.UserProvidersDirPath, "mine")));
        var dir = _workspace.AddProject("shop", "tasks:\n  provider: mine\n");

        // Act
        var list = await TaskdeckAsync("list", dir);
        var trust = await TaskdeckAsync("trust", "--yes", dir);

        // Assert
        Assert.Equal(0, list.ExitCode);
        Assert.True(File.Exists(MarkerPath));
        Assert.Contains("which needs no trust", trust.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_BeforeAndAfterTrust_SaysSoAndRunsOnlyWhenTrusted()
    {
        // Arrange
        var dir = AddScriptProject("shop");

        // Act
        var before = await TaskdeckAsync("check", dir);
        var markerAfterFirstCheck = File.Exists(MarkerPath);
        await TaskdeckAsync("trust", "--yes", dir);
        var after = await TaskdeckAsync("check", dir);

        // Assert
        Assert.Equal(1, before.ExitCode);
        Assert.Contains("trust     NOT TRUSTED: never trusted\n", before.Stdout, StringComparison.Ordinal);
        Assert.Contains($"problem   untrusted: Project 'shop' is not trusted yet, so its script './tasks.sh' did not run; review it and trust it with: taskdeck trust '{dir}'", before.Stdout, StringComparison.Ordinal);
        Assert.False(markerAfterFirstCheck);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("trust     trusted;", after.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_DamagedTrustFile_WarnsAndTreatsScriptsAsUntrusted()
    {
        // Arrange
        var dir = AddScriptProject("shop");
        await TaskdeckAsync("trust", "--yes", dir);
        File.WriteAllText(Path.Combine(_workspace.Paths.DataDirPath, "trust.json"), "{ damaged");

        // Act
        var list = await TaskdeckAsync("list", dir);

        // Assert
        Assert.Equal(1, list.ExitCode);
        Assert.Contains("warning: The trust records in", list.Stderr, StringComparison.Ordinal);
        Assert.Contains("untrusted", list.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task List_TheExamplesOnAFreshClone_ShowsThemAsUntrustedWithTheirTrustCommands()
    {
        // Arrange
        var exampleDirs = Directory.GetDirectories(Path.Combine(TaskdeckProcess.RepositoryRootPath, "examples")).Order(StringComparer.Ordinal).ToList();

        // Built-in providers need no trust; every other example runs a script of its own.
        static bool IsBuiltIn(string dir) =>
            Directory.EnumerateFiles(dir, ".*.yaml").Any(file => File.ReadAllText(file).Contains("provider: markdown-tasks", StringComparison.Ordinal));
        var scriptDirs = exampleDirs.Where(dir => !IsBuiltIn(dir)).ToList();

        // Act
        var list = await TaskdeckAsync(["list", .. exampleDirs]);

        // Assert
        Assert.Equal(1, list.ExitCode);
        Assert.NotEmpty(scriptDirs);
        foreach (var exampleDir in scriptDirs)
        {
            Assert.Contains($"taskdeck trust '{exampleDir}'", Unwrapped(list.Stdout), StringComparison.Ordinal);
            Assert.Contains($"'{exampleDir}'", list.Stderr, StringComparison.Ordinal);
        }

        foreach (var exampleDir in exampleDirs.Except(scriptDirs))
        {
            Assert.DoesNotContain($"'{exampleDir}'", list.Stderr, StringComparison.Ordinal);
        }
    }

    private Task<TaskdeckRun> TaskdeckAsync(params string[] args) => TaskdeckAsync(args, workingDirPath: null);

    private Task<TaskdeckRun> TaskdeckAsync(string[] args, string? workingDirPath) =>
        TaskdeckProcess.RunAsync(_workspace, args, workingDirPath: workingDirPath);

    /// <summary>The table folds long messages; this joins the folded cell back to one line.</summary>
    private static string Unwrapped(string table) =>
        System.Text.RegularExpressions.Regex.Replace(table, @"\s*\n\s*", " ");

    private string AddScriptProject(string name, string? args = null) =>
        _workspace.AddMarkedScriptProject(name, MarkerPath, args);

    private string WriteScript(string relativePath, string extraLine = "") =>
        _workspace.WriteMarkedScript(relativePath, MarkerPath, extraLine);
}
