using Taskdeck.Cli.Commands;

namespace Taskdeck.Cli.Tests.Commands;

public sealed class ProvidersCommandTests : IDisposable
{
    private readonly string _userDirPath =
        Path.Combine(Path.GetTempPath(), "taskdeck-tests", Guid.NewGuid().ToString("N")[..12], "providers");

    [Fact]
    public void Write_WithUserProviders_ListsBuiltInsWithArgumentsAndMarksUnusableUserFiles()
    {
        // Arrange
        Directory.CreateDirectory(_userDirPath);
        WriteFile("navi-tasks.sh", isExecutable: true);
        WriteFile("draft.sh", isExecutable: false);
        WriteFile("github-issues", isExecutable: true);
        var output = new StringWriter();

        // Act
        ProvidersCommand.Write(output, BuiltIns.Create(), _userDirPath);

        // Assert
        var lines = output.ToString().Split('\n').Select(line => line.TrimEnd()).ToList();
        Assert.Contains("  markdown-tasks", lines);
        Assert.Contains("  github-issues", lines);
        Assert.Contains(lines, line => line.StartsWith("    args.path", StringComparison.Ordinal) && line.EndsWith("(default: docs/delivery)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("    args.limit", StringComparison.Ordinal) && line.EndsWith("(default: 100)", StringComparison.Ordinal));
        Assert.Contains($"User providers in {_userDirPath} (name one by its file name; no trust needed):", lines);
        Assert.Contains("  navi-tasks.sh", lines);
        Assert.Contains($"  draft.sh  (not executable: run chmod +x '{Path.Combine(_userDirPath, "draft.sh")}')", lines);
        Assert.Contains("  github-issues  (hidden: the built-in of the same name wins)", lines);
    }

    [Fact]
    public void Write_WithoutUserFolder_SaysItDoesNotExistYet()
    {
        var output = new StringWriter();

        ProvidersCommand.Write(output, BuiltIns.Create(), _userDirPath);

        Assert.Contains("The folder does not exist yet", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        var rootPath = Path.GetDirectoryName(_userDirPath)!;
        if (Directory.Exists(rootPath))
        {
            Directory.Delete(rootPath, recursive: true);
        }
    }

    private void WriteFile(string name, bool isExecutable)
    {
        var path = Path.Combine(_userDirPath, name);
        File.WriteAllText(path, "#!/bin/sh\necho '{\"tasks\": []}'\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(path, isExecutable ? mode | UnixFileMode.UserExecute : mode);
    }
}
