using System.Collections.Immutable;
using System.Globalization;
using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Providers.BuiltIn.GitHubIssues;

/// <summary>
/// The built-in <c>github-issues</c>: a repository's issues through the GitHub CLI <c>gh</c>,
/// which keeps the user's login, hosts and proxies; run directly, never through a shell.
/// </summary>
public sealed class GitHubIssuesProvider : IBuiltInProvider
{
    public const int DefaultLimit = 100;

    public const string DefaultState = "open";

    private const string JsonFields = "number,title,state,assignees,labels,url,createdAt,updatedAt,milestone";

    private readonly Func<string?> _readSearchPath;

    /// <param name="readSearchPath">
    /// The PATH along which <c>gh</c> is looked for and which gh itself gets; by default this
    /// process's own. Tests hand in their own instead of changing the process environment.
    /// </param>
    public GitHubIssuesProvider(Func<string?>? readSearchPath = null) =>
        _readSearchPath = readSearchPath ?? (() => Environment.GetEnvironmentVariable("PATH"));

    public string Name => "github-issues";

    public string Description =>
        "A GitHub repository's issues through the gh command, one group per milestone, then 'ungrouped'.";

    public IReadOnlyList<ProviderArgument> Arguments { get; } =
    [
        new("repo", "The repository as owner/name (or host/owner/name)", "the project's own repository, as gh sees it"),
        new("state", "Which issues: open, closed or all", DefaultState),
        new("limit", "How many issues at most", DefaultLimit.ToString(CultureInfo.InvariantCulture)),
    ];

    public async Task<ProviderOutcome> RunAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        var (arguments, refusal) = BuiltInArguments.Read(this, request);
        if (arguments is null)
        {
            return refusal!;
        }

        var (ghArguments, argumentFailure) = BuildArguments(arguments, request.ProjectName);
        if (argumentFailure is not null)
        {
            return argumentFailure;
        }

        var searchPath = _readSearchPath();
        var ghPath = ExecutableSearch.Find("gh", searchPath);
        if (ghPath is null)
        {
            return ProviderOutcome.Failed(FailureKind.NotFound,
                $"Project '{request.ProjectName}' uses the built-in provider github-issues, which runs the GitHub CLI 'gh', but there is no gh on PATH. Install it from https://cli.github.com (for example 'apt install gh' or 'brew install gh'), then run 'gh auth login'.");
        }

        var environment = ProviderEnvironment.For(request)
            .SetItem("GH_NO_UPDATE_NOTIFIER", "1")
            .SetItem("PATH", searchPath ?? "");
        var spec = new ProcessSpec(ghPath, ghArguments, request.ProjectDirPath, environment, request.Timeout);
        var result = await ProviderProcess.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return Interpret(result, request, arguments.Get("repo"));
    }

    /// <summary>The arguments for <c>gh</c>, or a <c>config</c> failure naming the bad value.</summary>
    private static (ImmutableArray<string> Arguments, ProviderOutcome? Failure) BuildArguments(
        BuiltInArguments arguments, string projectName)
    {
        var state = arguments.Get("state")?.ToLowerInvariant() ?? DefaultState;
        if (state is not ("open" or "closed" or "all"))
        {
            return ([], ConfigFailure(projectName, $"args.state is '{arguments.Get("state")}', but github-issues takes open, closed or all"));
        }

        var limitText = arguments.Get("limit");
        var limit = DefaultLimit;
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return ([], ConfigFailure(projectName, $"args.limit is '{limitText}', but it must be a whole number of 1 or more, such as {DefaultLimit}"));
        }

        var repo = arguments.Get("repo");
        if (repo is not null && (repo.StartsWith('-') || !repo.Contains('/', StringComparison.Ordinal)
            || repo.Any(char.IsWhiteSpace)))
        {
            return ([], ConfigFailure(projectName, $"args.repo is '{repo}', but it must name a repository as owner/name, such as cli/cli"));
        }

        ImmutableArray<string> ghArguments =
        [
            "issue", "list",
            "--json", JsonFields,
            "--limit", limit.ToString(CultureInfo.InvariantCulture),
            "--state", state,
        ];

        // Without -R, gh works out the repository from the git remotes of the project folder.
        return (repo is null ? ghArguments : ghArguments.AddRange("-R", repo), null);
    }

    private static ProviderOutcome ConfigFailure(string projectName, string problem) =>
        ProviderOutcome.Failed(FailureKind.Config, $"Project '{projectName}': {problem}. Fix it under tasks.args in the project file.");

    private static ProviderOutcome Interpret(ProcessOutcome result, ProviderRequest request, string? repo)
    {
        var stderr = result.StderrTail.Length > 0 ? result.StderrTail : null;
        var project = request.ProjectName;
        if (result.StartError is { } startError)
        {
            return ProviderOutcome.Failed(FailureKind.NotFound, $"Project '{project}': github-issues {startError}.");
        }

        if (result.IsTimedOut)
        {
            return ProviderOutcome.Failed(FailureKind.Timeout,
                $"Project '{project}': 'gh issue list' did not finish within {Configuration.Duration.Format(request.Timeout)} and was stopped; GitHub may be slow or unreachable, or raise tasks.timeout.", stderr);
        }

        if (result.IsTooLarge)
        {
            return ProviderOutcome.Failed(FailureKind.TooLarge,
                $"Project '{project}': 'gh issue list' printed more than {ProcessSpec.DefaultMaxStdoutBytes / (1024 * 1024)} MiB and was stopped; lower tasks.args.limit.", stderr);
        }

        if (result.ExitCode is not 0)
        {
            var failure = GhFailures.Describe(result.ExitCode, result.StderrTail, project, repo, request.ProjectDirPath);
            return ProviderOutcome.Failed(failure with { Stderr = stderr });
        }

        return IssueListReader.Read(result.Stdout, project);
    }
}
