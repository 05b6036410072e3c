using System.Collections.Immutable;
using Taskdeck.Core.Platform;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Providers.BuiltIn.MarkdownTasks;

public sealed class MarkdownTasksProviderTests : IDisposable
{
    private static readonly string FixturesDirPath =
        FileSystemPaths.RealPath(Path.Combine(AppContext.BaseDirectory, "Providers", "BuiltIn", "MarkdownTasks", "Fixtures"))!;

    private readonly MarkdownTasksProvider _provider = new();
    private readonly TempWorkspace _workspace = new();

    [Theory]
    [InlineData("standard", "", "expected.json")]
    [InlineData("standard", "inprogress , AGREED", "expected-active.json")]
    [InlineData("standard", "Done", "expected-done.json")]
    [InlineData("odd-cells", "", "expected.json")]
    public async Task Run_OnFixtureBacklog_MatchesGoldenJson(string fixture, string statusFilter, string expectedFile)
    {
        // Arrange
        var args = statusFilter.Length > 0 ? Args(("status_filter", statusFilter)) : Args();

        // Act
        var outcome = await RunAsync(FixtureProject(fixture), args);

        // Assert
        AssertMatchesGolden(outcome, Path.Combine(FixturesDirPath, fixture, expectedFile));
    }

    [Fact]
    public async Task Run_WithNonAsciiTitlesAndCustomPath_ReadsUtf8AndReportsFilesUnderThePath()
    {
        var outcome = await RunAsync(FixtureProject("unicode"), Args(("path", "./backlog/")));

        AssertMatchesGolden(outcome, Path.Combine(FixturesDirPath, "unicode", "expected.json"));
    }

    [Fact]
    public async Task Run_WithWindowsLineEndings_GivesTheSameResultAsWithUnixOnes()
    {
        // Arrange: a copy of the standard fixture with every line ending turned into CRLF.
        var projectDirPath = CopyFixture("standard");
        foreach (var path in Directory.EnumerateFiles(projectDirPath, "*.md", SearchOption.AllDirectories))
        {
            File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        // Act
        var outcome = await RunAsync(projectDirPath, Args());

        // Assert
        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(projectDirPath, "docs", "delivery", "backlog.md")), StringComparison.Ordinal);
        AssertMatchesGolden(outcome, Path.Combine(FixturesDirPath, "standard", "expected.json"));
    }

    [Fact]
    public async Task Run_WithFilterMatchingNothing_GivesNoGroupsAndNoCurrentItem()
    {
        var outcome = await RunAsync(FixtureProject("standard"), Args(("status_filter", "Nonexistent")));

        Assert.True(outcome.IsSuccess, outcome.Failure?.Message);
        Assert.Empty(outcome.Tasks!.Groups);
        Assert.Null(outcome.Tasks.CurrentGroupId);
        Assert.Null(outcome.Tasks.CurrentGroupTitle);
    }

    [Fact]
    public async Task Run_Twice_GivesIdenticalJson()
    {
        var first = await RunAsync(FixtureProject("odd-cells"), Args());
        var second = await RunAsync(FixtureProject("odd-cells"), Args());

        Assert.Equal(TaskListJson.Canonical(first.Tasks!), TaskListJson.Canonical(second.Tasks!));
        Assert.Equal(first.Tasks, second.Tasks);
    }

    [Theory]
    [InlineData("../..")]
    [InlineData("docs/../../elsewhere")]
    [InlineData("/etc")]
    public async Task Run_WithPathOutsideTheProject_IsRefusedAsConfigError(string path)
    {
        var outcome = await RunAsync(FixtureProject("standard"), Args(("path", path)));

        Assert.Equal(FailureKind.Config, outcome.Failure?.Kind);
        Assert.Contains($"'{path}'", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("outside the project", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithPathLinkedOutsideTheProject_IsRefusedAsConfigError()
    {
        // Arrange: docs/delivery is a link to a backlog in another folder.
        var outsideDirPath = CopyFixture("standard", "outside");
        var projectDirPath = _workspace.PathOf("project");
        Directory.CreateDirectory(Path.Combine(projectDirPath, "docs"));
        File.CreateSymbolicLink(Path.Combine(projectDirPath, "docs", "delivery"), Path.Combine(outsideDirPath, "docs", "delivery"));

        // Act
        var outcome = await RunAsync(projectDirPath, Args());

        // Assert
        Assert.Equal(FailureKind.Config, outcome.Failure?.Kind);
    }

    [Fact]
    public async Task Run_WithItemFolderLinkedOutsideTheProject_ReadsNothingThroughTheLink()
    {
        // Arrange: item 2's folder leads out of the project.
        var outsideDirPath = CopyFixture("standard", "outside");
        var projectDirPath = CopyFixture("standard");
        var itemDirPath = Path.Combine(projectDirPath, "docs", "delivery", "2");
        Directory.Delete(itemDirPath, recursive: true);
        File.CreateSymbolicLink(itemDirPath, Path.Combine(outsideDirPath, "docs", "delivery", "2"));

        // Act
        var outcome = await RunAsync(projectDirPath, Args());

        // Assert: the title falls back to the story and no task or file comes from outside.
        var group = outcome.Tasks!.Groups.Single(candidate => candidate.Id == "PBI-2");
        Assert.Equal("As a user, I want to see my tasks so that I know what is next", group.Title);
        Assert.Empty(group.Tasks);
        Assert.Null(group.File);
    }

    [Fact]
    public async Task Run_WithPrdFileLinkedOutsideTheProject_DoesNotReadIt()
    {
        // Arrange
        var secretPath = _workspace.WriteFile("outside/secret.md", "# PBI-2: Secret\n");
        var projectDirPath = CopyFixture("standard");
        var prdPath = Path.Combine(projectDirPath, "docs", "delivery", "2", "prd.md");
        File.Delete(prdPath);
        File.CreateSymbolicLink(prdPath, secretPath);

        // Act
        var outcome = await RunAsync(projectDirPath, Args());

        // Assert
        var group = outcome.Tasks!.Groups.Single(candidate => candidate.Id == "PBI-2");
        Assert.Equal("As a user, I want to see my tasks so that I know what is next", group.Title);
        Assert.Null(group.File);
    }

    [Fact]
    public async Task Run_WithItemFolderLinkedInsideTheProject_ReadsThroughTheLink()
    {
        // Arrange: item 2's folder is kept elsewhere in the same project.
        var projectDirPath = CopyFixture("standard");
        var itemDirPath = Path.Combine(projectDirPath, "docs", "delivery", "2");
        Directory.Move(itemDirPath, Path.Combine(projectDirPath, "archive-2"));
        File.CreateSymbolicLink(itemDirPath, Path.Combine("..", "..", "archive-2"));

        // Act
        var outcome = await RunAsync(projectDirPath, Args());

        // Assert
        AssertMatchesGolden(outcome, Path.Combine(FixturesDirPath, "standard", "expected.json"));
    }

    [Fact]
    public async Task Run_WithoutTheFolder_NamesTheFolderWhatItShouldHoldAndHowToFixIt()
    {
        var projectDirPath = _workspace.PathOf("empty");
        Directory.CreateDirectory(projectDirPath);

        var outcome = await RunAsync(projectDirPath, Args());

        Assert.Equal(FailureKind.Config, outcome.Failure?.Kind);
        Assert.Contains("'docs/delivery'", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("tasks.args.path", outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Contains(
            "backlog.md with a table whose header holds ID, User Story and Status", outcome.Failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n" + BacklogReader.ExpectedBacklogHeader, outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutBacklogFile_NamesTheFileAndTheExpectedHeader()
    {
        _workspace.WriteFile("project/docs/delivery/1/prd.md", "# PBI-1: Orphan\n");

        var outcome = await RunAsync(_workspace.PathOf("project"), Args());

        Assert.Equal(FailureKind.Config, outcome.Failure?.Kind);
        Assert.Contains("docs/delivery/backlog.md", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains(BacklogReader.ExpectedBacklogHeader, outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Backlog\n\nNothing planned yet.\n", "no table at all")]
    [InlineData("# Backlog\n\n| Name | Owner |\n|---|---|\n| Search | ana |\n", "line 3")]
    [InlineData("# Backlog\n\n```\n| ID | Actor | User Story | Status |\n|---|---|---|---|\n```\n", "no table at all")]
    public async Task Run_WhenTheBacklogTableNeverStarts_NamesTheFileAndTheExpectedHeader(string backlog, string expectedDetail)
    {
        _workspace.WriteFile("project/docs/delivery/backlog.md", backlog);

        var outcome = await RunAsync(_workspace.PathOf("project"), Args());

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Contains("docs/delivery/backlog.md", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("ID, User Story and Status", outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Contains(expectedDetail, outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithTableWithoutDelimiterRow_ReadsItAsNaviDid()
    {
        // navi's script never asked for the |---| row under the header; backlogs without one exist.
        _workspace.WriteFile("project/docs/delivery/backlog.md",
            "| ID | Actor | User Story | Status |\n| 1 | dev | As a dev, I want no delimiter row | Agreed |\n");

        var outcome = await RunAsync(_workspace.PathOf("project"), Args());

        var group = Assert.Single(outcome.Tasks!.Groups);
        Assert.Equal(("PBI-1", "As a dev, I want no delimiter row", "Agreed"), (group.Id, group.Title, group.Status));
        Assert.Equal("PBI-1", outcome.Tasks.CurrentGroupId);
    }

    [Fact]
    public async Task Run_WithUnknownArgument_IsRefusedAsConfigError()
    {
        var outcome = await RunAsync(FixtureProject("standard"), Args(("pth", "docs")));

        Assert.Equal(FailureKind.Config, outcome.Failure?.Kind);
        Assert.Contains("'pth'", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("path, status_filter", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithArgumentSpelledAsNaviScriptsSeeIt_AcceptsIt()
    {
        // status-filter and STATUS_FILTER reach a script as the same NAVI_TASK_ARG_STATUS_FILTER.
        var outcome = await RunAsync(FixtureProject("standard"), Args(("Status-Filter", "done")));

        Assert.Equal(["PBI-1"], outcome.Tasks!.Groups.Select(group => group.Id));
    }

    public void Dispose() => _workspace.Dispose();

    private static string FixtureProject(string fixture) => Path.Combine(FixturesDirPath, fixture, "project");

    private static ImmutableSortedDictionary<string, string> Args(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private static void AssertMatchesGolden(ProviderOutcome outcome, string expectedFilePath)
    {
        Assert.True(outcome.IsSuccess, outcome.Failure?.Message);
        var expected = TaskListJson.CanonicalFromProviderOutput(File.ReadAllText(expectedFilePath));
        Assert.Equal(expected, TaskListJson.Canonical(outcome.Tasks!));
    }

    private Task<ProviderOutcome> RunAsync(string projectDirPath, ImmutableSortedDictionary<string, string> args) =>
        _provider.RunAsync(new ProviderRequest("project", projectDirPath, args, TimeSpan.FromSeconds(10)), CancellationToken.None);

    /// <summary>A writable copy of a fixture's project in the workspace.</summary>
    private string CopyFixture(string fixture, string name = "project")
    {
        var sourceDirPath = FixtureProject(fixture);
        var targetDirPath = _workspace.PathOf(name);
        foreach (var path in Directory.EnumerateFiles(sourceDirPath, "*", SearchOption.AllDirectories))
        {
            var targetPath = Path.Combine(targetDirPath, Path.GetRelativePath(sourceDirPath, path));
            Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
            File.Copy(path, targetPath);
        }

        return targetDirPath;
    }
}
