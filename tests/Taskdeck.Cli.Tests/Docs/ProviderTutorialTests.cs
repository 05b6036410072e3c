using System.Text.Json;
using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Docs;

/// <summary>
/// The example projects of the provider tutorials (docs/examples) work as docs/provider-contract.md
/// says: copied as they are, trusted, checked and listed, they give the tasks the tutorials show.
/// </summary>
public sealed class ProviderTutorialTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task BashExample_TrustedAndListed_GivesTheToDoListsTasks()
    {
        // Arrange
        var dir = CopyExample("bash-provider", "todo-tasks.sh");

        // Act
        var (check, project) = await TrustCheckAndListAsync(dir);

        // Assert
        Assert.Contains("result    ok: 2 groups, 5 tasks (2 todo, 1 active, 1 done, 1 dropped)", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(("website", "ok", "Release 2.4"), (Text(project, "name"), Text(project, "state"), Text(project, "currentGroupId")));
        Assert.Equal(
            [
                "Release 2.4|Release 2.4|True",
                "  T-1|Move the blog to the new theme|done|done|ana|TODO.md",
                "  T-2|Write the \"What's new\" page|doing|active|raj|TODO.md",
                "  T-3|Check every link on the pricing page|todo|todo||TODO.md",
                "Later|Later|False",
                "  T-4|Add a dark mode|todo|todo||TODO.md",
                "  T-5|Rewrite the search in a new language|cancelled|dropped||TODO.md",
            ],
            Describe(project));
    }

    [Python3Fact(Timeout = 60_000)]
    public async Task PythonExample_TrustedAndListed_GivesTheExportsTasksByMilestone()
    {
        // Arrange
        var dir = CopyExample("python-provider", "export-tasks.py");

        // Act
        var (check, project) = await TrustCheckAndListAsync(dir);

        // Assert
        Assert.Contains("result    ok: 3 groups, 4 tasks (1 todo, 1 active, 1 blocked, 1 done)", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(("mobile-app", "ok", "2.0"), (Text(project, "name"), Text(project, "state"), Text(project, "currentGroupId")));
        Assert.Equal(
            [
                "2.0|Milestone 2.0|True",
                "  APP-101|Sign in with a passkey|in progress|active|ana|specs/APP-101.md",
                "  APP-102|Show the order history offline|waiting|blocked||",
                "1.9|Milestone 1.9|False",
                "  APP-87|Crash when the camera permission is refused|closed|done|raj|",
                "none|No milestone|False",
                "  APP-120|Try a bigger font by default|new|todo||",
            ],
            Describe(project));

        var passkey = project.GetProperty("groups")[0].GetProperty("tasks")[0];
        Assert.Equal(["auth", "ios"], passkey.GetProperty("labels").EnumerateArray().Select(label => label.GetString()));
        Assert.Equal(1, passkey.GetProperty("priority").GetInt32());
        Assert.Equal("https://tracker.example.com/APP-101", Text(passkey, "url"));
        Assert.Equal(("2026-02-10T08:30:00+00:00", "2026-02-27T16:05:00+01:00"), (Text(passkey, "created"), Text(passkey, "updated")));
    }

    /// <summary>Copies docs/examples/NAME into the workspace, keeping file modes, as a user's clone has them.</summary>
    private string CopyExample(string name, string scriptName)
    {
        var sourceDirPath = Path.Combine(TaskdeckProcess.RepositoryRootPath, "docs", "examples", name);
        var scriptMode = File.GetUnixFileMode(Path.Combine(sourceDirPath, scriptName));
        Assert.True(scriptMode.HasFlag(UnixFileMode.UserExecute), $"docs/examples/{name}/{scriptName} must be executable (git update-index --chmod=+x).");

        var targetDirPath = _workspace.PathOf(name);
        foreach (var sourcePath in Directory.EnumerateFiles(sourceDirPath, "*", SearchOption.AllDirectories))
        {
            var targetPath = Path.Combine(targetDirPath, Path.GetRelativePath(sourceDirPath, sourcePath));
            Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
            File.Copy(sourcePath, targetPath);
            File.SetUnixFileMode(targetPath, File.GetUnixFileMode(sourcePath));
        }

        return targetDirPath;
    }

    /// <summary>Runs the tutorial's last steps: trust, check, list; each must succeed.</summary>
    private async Task<(TaskdeckRun Check, JsonElement Project)> TrustCheckAndListAsync(string dir)
    {
        var trust = await TaskdeckProcess.RunAsync(_workspace, "trust", "--yes", dir);
        var check = await TaskdeckProcess.RunAsync(_workspace, "check", dir);
        var list = await TaskdeckProcess.RunAsync(_workspace, "list", "--json", dir);
        Assert.True(trust.ExitCode == 0, trust.ToString());
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.True(list.ExitCode == 0, list.ToString());
        return (check, OnlyProject(list.Stdout));
    }

    private static JsonElement OnlyProject(string listJson)
    {
        using var document = JsonDocument.Parse(listJson);
        return Assert.Single(document.RootElement.GetProperty("projects").EnumerateArray()).Clone();
    }

    /// <summary>Groups as "id|title|isCurrent", their tasks below as "  id|title|status|category|assignee|file".</summary>
    private static List<string> Describe(JsonElement project)
    {
        var lines = new List<string>();
        foreach (var group in project.GetProperty("groups").EnumerateArray())
        {
            lines.Add($"{Text(group, "id")}|{Text(group, "title")}|{group.GetProperty("isCurrent").GetBoolean()}");
            lines.AddRange(group.GetProperty("tasks").EnumerateArray().Select(task =>
                $"  {Text(task, "id")}|{Text(task, "title")}|{Text(task, "status")}|{Text(task, "category")}|{Text(task, "assignee")}|{Text(task, "file")}"));
        }

        return lines;
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
