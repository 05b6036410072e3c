using System.Collections.Immutable;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Providers;

public sealed class ProviderResolverTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly ProviderResolver _resolver;

    public ProviderResolverTests() =>
        _resolver = new ProviderResolver(new BuiltInProviders([]), _workspace.Paths.UserProvidersDirPath);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Resolve_RelativeScriptInsideTheProject_IsAProjectScriptNeedingTrust()
    {
        var dir = _workspace.AddProject("p", "");
        var script = _workspace.WriteFile("p/bin/tasks.sh", "#!/bin/sh\n", isExecutable: true);

        var (provider, failure) = _resolver.Resolve(ProjectFactory.Create(dir, "./bin/tasks.sh"));

        Assert.Null(failure);
        Assert.Equal((ProviderKind.ProjectScript, script, true), (provider!.Kind, provider.ExecutablePath, provider.NeedsTrust));
    }

    [Theory]
    [InlineData("../outside.sh")]
    [InlineData("bin/../../outside.sh")]
    [InlineData("escape/outside.sh")]
    public void Resolve_PathLeavingTheProject_IsRefused(string providerPath)
    {
        var dir = _workspace.AddProject("p", "");
        _workspace.WriteFile("outside.sh", "#!/bin/sh\n", isExecutable: true);
        Directory.CreateSymbolicLink(Path.Combine(dir, "escape"), _workspace.RootPath);

        var (provider, failure) = _resolver.Resolve(ProjectFactory.Create(dir, providerPath));

        Assert.Null(provider);
        Assert.Equal(FailureKind.Config, failure!.Kind);
        Assert.Contains("outside the project folder", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BareName_LooksInTheUserFolderAndNeverInTheProject()
    {
        var dir = _workspace.AddProject("p", "");
        _workspace.WriteFile("p/jira", "#!/bin/sh\n", isExecutable: true);

        var (_, missing) = _resolver.Resolve(ProjectFactory.Create(dir, "jira"));
        var userScript = _workspace.WriteFile("xdg-config/taskdeck/providers/jira", "#!/bin/sh\n", isExecutable: true);
        var (provider, _) = _resolver.Resolve(ProjectFactory.Create(dir, "jira"));

        Assert.Equal(FailureKind.NotFound, missing!.Kind);
        Assert.Equal((ProviderKind.UserFolder, userScript, false), (provider!.Kind, provider.ExecutablePath, provider.NeedsTrust));
    }

    [Fact]
    public void Resolve_ScriptWithoutExecuteBit_IsNotFoundWithTheChmodToRun()
    {
        var dir = _workspace.AddProject("p", "");
        _workspace.WriteFile("p/tasks.sh", "#!/bin/sh\n");

        var (_, failure) = _resolver.Resolve(ProjectFactory.Create(dir, "./tasks.sh"));

        Assert.Equal(FailureKind.NotFound, failure!.Kind);
        Assert.Contains("chmod +x", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AbsolutePath_IsUsedAsItIs()
    {
        var dir = _workspace.AddProject("p", "");
        var script = _workspace.WriteFile("shared/tasks.sh", "#!/bin/sh\n", isExecutable: true);

        var (provider, _) = _resolver.Resolve(ProjectFactory.Create(dir, script));

        Assert.Equal((ProviderKind.AbsolutePath, script), (provider!.Kind, provider.ExecutablePath));
    }

    [Fact]
    public void Environment_ArgKeys_BecomeTaskdeckAndNaviVariables()
    {
        var request = new ProviderRequest("p", "/p", new Dictionary<string, string> { ["status-filter"] = "a,b", ["path"] = "docs" }
            .ToImmutableSortedDictionary(StringComparer.Ordinal), TimeSpan.FromSeconds(1));

        var environment = ProviderEnvironment.For(request);

        Assert.Equal("a,b", environment["TASKDECK_ARG_STATUS_FILTER"]);
        Assert.Equal("a,b", environment["NAVI_TASK_ARG_STATUS_FILTER"]);
        Assert.Equal("docs", environment["TASKDECK_ARG_PATH"]);
        Assert.Equal("/p", environment["TASKDECK_PROJECT_DIR"]);
        Assert.Equal("0", environment["GIT_TERMINAL_PROMPT"]);
    }
}
