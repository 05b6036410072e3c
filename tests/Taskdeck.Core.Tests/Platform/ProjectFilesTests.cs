using Taskdeck.Core.Platform;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Platform;

public sealed class ProjectFilesTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly string _projectDir;

    public ProjectFilesTests()
    {
        _projectDir = _workspace.AddProject("shop", "tasks:\n  provider: markdown-tasks\n");
        _workspace.WriteFile("shop/docs/prd.md", "# Inside\n");
        _workspace.WriteFile("secret.txt", "outside the project\n");
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void TryOpenInside_FileInTheProject_OpensIt()
    {
        // Act
        var isOpened = ProjectFiles.TryOpenInside(_projectDir, "docs/prd.md", out var stream, out var problem);

        // Assert
        Assert.True(isOpened, problem);
        using var reader = new StreamReader(stream!);
        Assert.Equal("# Inside\n", reader.ReadToEnd());
    }

    [Fact]
    public void TryOpenInside_LinkToAFileInTheProject_OpensIt()
    {
        // Arrange
        File.CreateSymbolicLink(Path.Combine(_projectDir, "current.md"), "docs/prd.md");

        // Act
        var isOpened = ProjectFiles.TryOpenInside(_projectDir, "current.md", out var stream, out _);

        // Assert
        Assert.True(isOpened);
        stream!.Dispose();
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("docs/../../secret.txt")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public void TryOpenInside_PathLeavingTheProject_IsRefused(string file)
    {
        // Act
        var isOpened = ProjectFiles.TryOpenInside(_projectDir, file, out var stream, out var problem);

        // Assert
        Assert.False(isOpened);
        Assert.Null(stream);
        Assert.Contains("outside the project folder", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpenInside_LinkPointingOutsideTheProject_IsNotFollowed()
    {
        // Arrange: a provider names a file that is really a link to a secret elsewhere.
        File.CreateSymbolicLink(Path.Combine(_projectDir, "docs", "notes.md"), _workspace.PathOf("secret.txt"));

        // Act
        var isOpened = ProjectFiles.TryOpenInside(_projectDir, "docs/notes.md", out var stream, out var problem);

        // Assert
        Assert.False(isOpened);
        Assert.Null(stream);
        Assert.Contains("outside the project folder", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpenInside_FolderLinkPointingOutsideTheProject_IsNotFollowed()
    {
        // Arrange
        Directory.CreateSymbolicLink(Path.Combine(_projectDir, "up"), _workspace.RootPath);

        // Act
        var isOpened = ProjectFiles.TryOpenInside(_projectDir, "up/secret.txt", out _, out var problem);

        // Assert
        Assert.False(isOpened);
        Assert.Contains("outside the project folder", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpenInside_MissingFile_SaysItDoesNotExist()
    {
        var isOpened = ProjectFiles.TryOpenInside(_projectDir, "docs/nope.md", out _, out var problem);

        Assert.False(isOpened);
        Assert.Contains("does not exist", problem, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task TryOpenInside_NamedPipe_ReturnsAtOnceInsteadOfBlocking()
    {
        // Arrange
        var pipePath = Path.Combine(_projectDir, "docs", "pipe.md");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipePath]))
        {
            await mkfifo.WaitForExitAsync();
        }

        // Act
        var isOpened = await Task.Run(() =>
        {
            var opened = ProjectFiles.TryOpenInside(_projectDir, "docs/pipe.md", out var stream, out _);
            stream?.Dispose();
            return opened;
        }).WaitAsync(TimeSpan.FromSeconds(5));

        // Assert: shown as empty, never waited on.
        Assert.True(isOpened);
    }
}
