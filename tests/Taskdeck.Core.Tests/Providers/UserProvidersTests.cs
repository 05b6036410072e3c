using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Providers.BuiltIn.GitHubIssues;
using Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;
using Taskdeck.Core.Tests.Support;
using Taskdeck.Core.Trust;

namespace Taskdeck.Core.Tests.Providers;

public sealed class UserProvidersTests : IDisposable
{
    private const string NaviScript = """
        #!/usr/bin/env bash
        # A navi provider as navi users have them: bash, arguments in NAVI_TASK_ARG_*.
        set -euo pipefail
        label="${NAVI_TASK_ARG_LABEL:-none}"
        declare -A seen=([x]=1)
        printf '{"tasks": [{"id": "N-1", "title": "Ported from %s", "status": "in_progress", "labels": ["%s"]}]}\n' "$(basename "$PWD")" "$label"
        """;

    private readonly TempWorkspace _workspace = new();
    private readonly ProviderResolver _resolver;

    public UserProvidersTests() =>
        _resolver = new ProviderResolver(
            new BuiltInProviders([new MarkdownTasksProvider(), new GitHubIssuesProvider()]),
            _workspace.Paths.UserProvidersDirPath);

    [Fact]
    public void Resolve_BuiltInNameWithUserFileOfTheSameName_PicksTheBuiltIn()
    {
        WriteUserProvider("markdown-tasks", "#!/bin/sh\necho '{}'\n");
        var project = AddProject("shop", "markdown-tasks");

        var (provider, failure) = _resolver.Resolve(project);

        Assert.Null(failure);
        Assert.Equal(ProviderKind.BuiltIn, provider!.Kind);
        Assert.IsType<MarkdownTasksProvider>(provider.BuiltIn);
    }

    [Fact]
    public void Resolve_BareNameInUserFolder_PicksTheUserFileWithoutNeedingTrust()
    {
        var path = WriteUserProvider("navi-tasks.sh", NaviScript);
        var project = AddProject("shop", "navi-tasks.sh");

        var (provider, failure) = _resolver.Resolve(project);

        Assert.Null(failure);
        Assert.Equal(ProviderKind.UserFolder, provider!.Kind);
        Assert.Equal(path, provider.ExecutablePath);
        Assert.False(provider.NeedsTrust);
    }

    [Fact]
    public void Resolve_BareNameOnlyInProjectFolder_IsNotFoundAndNeverRunsTheProjectFile()
    {
        // Arrange: the project holds tasks.sh, the user folder does not.
        var project = AddProject("shop", "tasks.sh");
        _workspace.WriteFile("shop/tasks.sh", NaviScript, isExecutable: true);

        // Act
        var (provider, failure) = _resolver.Resolve(project);

        // Assert
        Assert.Null(provider);
        Assert.Equal(FailureKind.NotFound, failure?.Kind);
        Assert.Contains(_workspace.Paths.UserProvidersDirPath, failure!.Message, StringComparison.Ordinal);
        Assert.Contains("./tasks.sh", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_NaviScriptInUserFolder_RunsUnchangedWithNaviArguments()
    {
        // Arrange
        WriteUserProvider("navi-tasks.sh", NaviScript);
        var project = AddProject("shop", "navi-tasks.sh", "  args:\n    label: urgent\n");
        var runner = new ProviderRunner(_resolver, TrustEveryone.Instance);

        // Act
        var run = await runner.RunAsync(project, CancellationToken.None);

        // Assert: it ran in the project folder and read its argument.
        Assert.True(run.Outcome.IsSuccess, run.Outcome.Failure?.Message + run.Outcome.Failure?.Stderr);
        var task = Assert.Single(run.Outcome.Tasks!.AllTasks);
        Assert.Equal("Ported from shop", task.Title);
        Assert.Equal("urgent", Assert.Single(task.Labels));
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_NaviScriptByRelativePathInTrustedProject_RunsUnchangedWithNaviArguments()
    {
        // Arrange: the script ships with the project, as in a navi repository, and is trusted.
        var project = AddProject("shop", "./scripts/navi-tasks.sh", "  args:\n    label: urgent\n");
        _workspace.WriteFile("shop/scripts/navi-tasks.sh", NaviScript, isExecutable: true);
        var trustStore = new TrustStore(_workspace.Paths.DataDirPath, TimeProvider.System);
        var (provider, _) = _resolver.Resolve(project);
        trustStore.Trust(project, provider!);
        var runner = new ProviderRunner(_resolver, trustStore);

        // Act
        var run = await runner.RunAsync(project, CancellationToken.None);

        // Assert: a project script, run in the project folder, reading its navi argument.
        Assert.Equal(ProviderKind.ProjectScript, provider!.Kind);
        Assert.True(run.Outcome.IsSuccess, run.Outcome.Failure?.Message + run.Outcome.Failure?.Stderr);
        var task = Assert.Single(run.Outcome.Tasks!.AllTasks);
        Assert.Equal("Ported from shop", task.Title);
        Assert.Equal("urgent", Assert.Single(task.Labels));
    }

    [Fact]
    public void ListIn_UserFolder_ListsFilesByNameAndMarksThoseNotExecutable()
    {
        WriteUserProvider("b-tasks", "#!/bin/sh\n");
        _workspace.WriteFile(Path.Combine(_workspace.Paths.UserProvidersDirPath, "a-draft.sh"), "#!/bin/sh\n");
        Directory.CreateDirectory(Path.Combine(_workspace.Paths.UserProvidersDirPath, "lib"));

        var providers = UserProvider.ListIn(_workspace.Paths.UserProvidersDirPath);

        Assert.Equal([("a-draft.sh", false), ("b-tasks", true)], providers.Select(provider => (provider.Name, provider.IsExecutable)));
    }

    [Fact]
    public void ListIn_MissingFolder_IsEmpty()
    {
        Assert.Empty(UserProvider.ListIn(_workspace.PathOf("no-such-folder")));
    }

    public void Dispose() => _workspace.Dispose();

    private string WriteUserProvider(string name, string content) =>
        _workspace.WriteFile(Path.Combine(_workspace.Paths.UserProvidersDirPath, name), content, isExecutable: true);

    private Project AddProject(string name, string provider, string extraTaskYaml = "")
    {
        var dirPath = _workspace.AddProject(name, $"tasks:\n  provider: {provider}\n{extraTaskYaml}");
        return new ProjectFinder(GlobalConfig.Default).FindAbove(dirPath)!;
    }
}
