using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Discovery;

public sealed class ProjectFinderTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static DiscoveryResult Find(GlobalConfig config, params string[] paths) =>
        new ProjectFinder(config).Find(paths.Select(path => new StartFolder(path)));

    [Fact]
    public void Find_FromASubfolder_WalksUpToTheNearestProjectFile()
    {
        var shop = _workspace.AddProject("shop", "tasks:\n  provider: markdown-tasks\n");
        Directory.CreateDirectory(Path.Combine(shop, "src", "deep"));

        var found = Find(GlobalConfig.Default, Path.Combine(shop, "src", "deep"));

        var project = Assert.Single(found.Projects);
        Assert.Equal(("shop", shop), (project.Name, project.DirPath));
        Assert.Empty(found.Hints);
    }

    [Fact]
    public void Find_SameProjectThroughSeveralPathsAndALink_KeepsItOnceInFirstFoundOrder()
    {
        var b = _workspace.AddProject("b", "tasks:\n  provider: x\n");
        var a = _workspace.AddProject("a", "tasks:\n  provider: x\n");
        var link = _workspace.PathOf("link-to-b");
        Directory.CreateSymbolicLink(link, b);
        Directory.CreateDirectory(Path.Combine(a, "sub"));

        var found = Find(GlobalConfig.Default, b, a, link, Path.Combine(a, "sub"), b);

        Assert.Equal([b, a], found.Projects.Select(project => project.DirPath));
    }

    [Fact]
    public void Find_TaskdeckFileBesideNaviFile_Wins()
    {
        var dir = _workspace.AddProject("both", "name: new\ntasks:\n  provider: x\n");
        _workspace.WriteFile("both/.navi.yaml", "name: old\ntasks:\n  provider: y\n");
        var naviOnly = _workspace.PathOf("navi-only");
        _workspace.WriteFile("navi-only/.navi.yaml", "tasks:\n  provider: ./tasks.sh\n");

        var found = Find(GlobalConfig.Default, dir, naviOnly);

        Assert.Equal(["new", "navi-only"], found.Projects.Select(project => project.Name));
        Assert.EndsWith(".navi.yaml", found.Projects[1].ConfigFilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_FolderWithNoProjectAbove_IsReportedOnceAsAHint()
    {
        var lonely = _workspace.PathOf("lonely");
        Directory.CreateDirectory(lonely);

        var found = Find(GlobalConfig.Default, lonely, lonely);

        Assert.Empty(found.Projects);
        var hint = Assert.Single(found.Hints);
        Assert.Contains(lonely, hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_BrokenProjectFile_GivesAProjectCarryingItsConfigError()
    {
        var dir = _workspace.AddProject("broken", "tasks:\n  provider: x\n  timeout: forever\n");

        var project = Assert.Single(Find(GlobalConfig.Default, dir).Projects);

        Assert.Null(project.Settings);
        Assert.Equal(3, project.ConfigError!.Line);
        Assert.EndsWith(".taskdeck.yaml", project.ConfigError.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ProjectSettings_MergeOverGlobalDefaults()
    {
        var dir = _workspace.AddProject("p", "tasks:\n  provider: x\n  timeout: 3s\n  status_map: { Agreed: todo }\n");
        var config = GlobalConfig.Default with
        {
            Interval = TimeSpan.FromSeconds(45),
            StatusMap = Taskdeck.Core.Tasks.StatusMap.From([new("open", "todo"), new("agreed", "ignored")]),
        };

        var project = Assert.Single(Find(config, dir).Projects);

        Assert.Equal((TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(3)), (project.Interval, project.Timeout));
        Assert.Equal("todo", project.StatusMap.Apply("AGREED"));
        Assert.Equal("todo", project.StatusMap.Apply("open"));
    }

    [Fact]
    public void Find_GlobFolderWithoutProjectFile_UsesTheDefaultProvider()
    {
        _workspace.AddProject("code/has-file", "tasks:\n  provider: x\n");
        Directory.CreateDirectory(_workspace.PathOf("code/plain"));
        var config = GlobalConfig.Default with { DefaultProvider = "markdown-tasks" };
        var starts = FolderGlob.Expand(_workspace.PathOf("code/*")).Select(path => new StartFolder(path, MayUseDefaultProvider: true));

        var found = new ProjectFinder(config).Find(starts);

        Assert.Equal(["has-file", "plain"], found.Projects.Select(project => project.Name));
        Assert.Equal("markdown-tasks", found.Projects[1].ProviderName);
        Assert.Null(found.Projects[1].ConfigFilePath);
    }
}
