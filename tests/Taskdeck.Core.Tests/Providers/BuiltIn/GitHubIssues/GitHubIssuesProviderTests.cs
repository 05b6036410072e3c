using System.Collections.Immutable;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Providers.BuiltIn.GitHubIssues;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Providers.BuiltIn.GitHubIssues;

public sealed class GitHubIssuesProviderTests : IDisposable
{
    private const string Fields = "number,title,state,assignees,labels,url,createdAt,updatedAt,milestone";

    private static readonly string FixturesDirPath =
        Path.Combine(AppContext.BaseDirectory, "Providers", "BuiltIn", "GitHubIssues", "Fixtures");

    private readonly TempWorkspace _workspace = new();
    private readonly FakeGh _gh;
    private readonly GitHubIssuesProvider _provider;
    private readonly string _projectDirPath;

    public GitHubIssuesProviderTests()
    {
        _gh = new FakeGh(_workspace);
        _provider = new GitHubIssuesProvider(() => _gh.SearchPath);
        _projectDirPath = _workspace.PathOf("shop");
        Directory.CreateDirectory(_projectDirPath);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WithoutArguments_ListsOpenIssuesOfTheProjectsOwnRepository()
    {
        // Arrange
        _gh.Expect("issue", "list", "--json", Fields, "--limit", "100", "--state", "open");

        // Act
        var outcome = await RunAsync();

        // Assert: no -R, and run in the project folder, where gh finds the repository itself.
        Assert.True(outcome.IsSuccess, outcome.Failure?.Message + outcome.Failure?.Stderr);
        Assert.Equal(_projectDirPath, _gh.ReceivedDirPath);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WithRepoStateAndLimit_PassesThemToGh()
    {
        _gh.Expect("issue", "list", "--json", Fields, "--limit", "5", "--state", "all", "-R", "acme/shop");

        var outcome = await RunAsync(("repo", "acme/shop"), ("state", "All"), ("limit", "5"));

        Assert.True(outcome.IsSuccess, outcome.Failure?.Message + outcome.Failure?.Stderr);
        Assert.Equal(["issue", "list", "--json", Fields, "--limit", "5", "--state", "all", "-R", "acme/shop"], _gh.ReceivedArguments);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WithIssuesInMilestones_GroupsByMilestoneInGitHubsOrderThenUngrouped()
    {
        // Arrange
        _gh.Respond(stdout: File.ReadAllText(Path.Combine(FixturesDirPath, "issues.json")));

        // Act
        var outcome = await RunAsync();

        // Assert
        Assert.True(outcome.IsSuccess, outcome.Failure?.Message);
        var expected = TaskListJson.CanonicalFromProviderOutput(File.ReadAllText(Path.Combine(FixturesDirPath, "expected.json")));
        Assert.Equal(expected, TaskListJson.Canonical(outcome.Tasks!));
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WithNoIssues_GivesNoGroups()
    {
        _gh.Respond(stdout: "[]\n");

        var outcome = await RunAsync();

        Assert.True(outcome.IsSuccess, outcome.Failure?.Message);
        Assert.Empty(outcome.Tasks!.Groups);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("state", "draft", "args.state is 'draft'")]
    [InlineData("limit", "0", "args.limit is '0'")]
    [InlineData("limit", "ten", "args.limit is 'ten'")]
    [InlineData("limit", "-5", "args.limit is '-5'")]
    [InlineData("repo", "--web", "args.repo is '--web'")]
    [InlineData("repo", "shop", "args.repo is 'shop'")]
    [InlineData("milestone", "v1", "'milestone'")]
    public async Task Run_WithBadArgument_IsAConfigErrorAndRunsNothing(string key, string value, string expectedText)
    {
        var outcome = await RunAsync((key, value));

        Assert.Equal(FailureKind.Config, outcome.Failure?.Kind);
        Assert.Contains(expectedText, outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Null(_gh.ReceivedArguments);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WithoutGhOnPath_SaysHowToInstallIt()
    {
        var emptyDirPath = _workspace.PathOf("empty-bin");
        Directory.CreateDirectory(emptyDirPath);
        var provider = new GitHubIssuesProvider(() => emptyDirPath);

        var outcome = await provider.RunAsync(Request(), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, outcome.Failure?.Kind);
        Assert.Contains("https://cli.github.com", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("gh auth login", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(4, "To get started with GitHub CLI, please run:  gh auth login\nAlternatively, populate the GH_TOKEN environment variable with a GitHub API authentication token.\n", "Run 'gh auth login'")]
    [InlineData(1, "HTTP 401: Bad credentials (https://api.github.com/graphql)\nTry authenticating with:  gh auth login\n", "Run 'gh auth login'")]
    [InlineData(1, "GraphQL: Could not resolve to a Repository with the name 'acme/nope'. (repository)\n", "GitHub has no repository 'acme/nope'")]
    [InlineData(1, "GraphQL: API rate limit exceeded for user ID 1234567.\n", "rate limit was reached")]
    [InlineData(1, "HTTP 403: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\n", "rate limit was reached")]
    [InlineData(1, "error connecting to api.github.com\ncheck your internet connection or https://githubstatus.com\n", "could not reach GitHub")]
    [InlineData(1, "something unexpected\n", "exited with code 1")]
    public async Task Run_WhenGhFails_GivesAnActionableExitError(int exitCode, string stderr, string expectedText)
    {
        // Arrange
        _gh.Respond(stderr: stderr, exitCode: exitCode);

        // Act
        var outcome = await RunAsync(("repo", "acme/nope"));

        // Assert
        Assert.Equal(FailureKind.Exit, outcome.Failure?.Kind);
        Assert.Contains(expectedText, outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(stderr, outcome.Failure.Stderr);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_OutsideAGitRepositoryWithoutRepo_SaysToSetRepo()
    {
        _gh.Respond(stderr: "failed to determine base repo: failed to run git: fatal: not a git repository (or any of the parent directories): .git\n", exitCode: 1);

        var outcome = await RunAsync();

        Assert.Equal(FailureKind.Exit, outcome.Failure?.Kind);
        Assert.Contains("Set tasks.args.repo", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains(_projectDirPath, outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("Welcome to gh!", FailureKind.Parse, "not JSON")]
    [InlineData("{\"issues\": []}", FailureKind.Invalid, "at $:")]
    [InlineData("[{\"number\": 1, \"state\": \"OPEN\"}]", FailureKind.Invalid, "at $[0].title")]
    [InlineData("[{\"number\": 1, \"title\": \"t\", \"state\": \"OPEN\", \"createdAt\": \"yesterday\"}]", FailureKind.Invalid, "at $[0].createdAt")]
    public async Task Run_WhenGhPrintsSomethingElse_SaysWhatWasWrong(string stdout, FailureKind expectedKind, string expectedText)
    {
        _gh.Respond(stdout: stdout);

        var outcome = await RunAsync();

        Assert.Equal(expectedKind, outcome.Failure?.Kind);
        Assert.Contains(expectedText, outcome.Failure!.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();

    private ProviderRequest Request(params (string Key, string Value)[] args) => new(
        "shop",
        _projectDirPath,
        args.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
        TimeSpan.FromSeconds(20));

    private Task<ProviderOutcome> RunAsync(params (string Key, string Value)[] args) =>
        _provider.RunAsync(Request(args), CancellationToken.None);
}
