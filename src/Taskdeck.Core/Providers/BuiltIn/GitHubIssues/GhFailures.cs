namespace Taskdeck.Core.Providers.BuiltIn.GitHubIssues;

/// <summary>
/// Turns a failed <c>gh issue list</c> into a sentence saying what to do, recognised from gh's
/// exit code and the messages it prints (gh exits with 4 when a login is needed).
/// </summary>
internal static class GhFailures
{
    private const int AuthenticationRequiredExitCode = 4;

    public static RunFailure Describe(
        int? exitCode, string stderr, string project, string? repo, string projectDirPath)
    {
        var repoText = repo is null ? $"the repository of '{projectDirPath}'" : $"'{repo}'";
        var message = Classify(exitCode, stderr) switch
        {
            GhProblem.RateLimited =>
                $"Project '{project}': GitHub's API rate limit was reached while listing the issues of {repoText}. Wait a few minutes before refreshing, or raise tasks.interval so Taskdeck asks less often.",
            GhProblem.NotAuthenticated =>
                $"Project '{project}': gh is not logged in to GitHub (or its token was refused), so github-issues cannot list the issues of {repoText}. Run 'gh auth login' (or set GH_TOKEN), then refresh.",
            GhProblem.RepositoryNotFound =>
                $"Project '{project}': GitHub has no repository {repoText} that your gh login can see. Check tasks.args.repo (owner/name) in the project file, or log in with an account that has access ('gh auth login').",
            GhProblem.NoRepository =>
                $"Project '{project}': gh could not tell which GitHub repository '{projectDirPath}' belongs to (it needs a git repository with a GitHub remote). Set tasks.args.repo to owner/name in the project file.",
            GhProblem.Offline =>
                $"Project '{project}': gh could not reach GitHub to list the issues of {repoText}. Check the network connection (and GH_HOST if you use GitHub Enterprise).",
            _ => $"Project '{project}': 'gh issue list' for {repoText} exited with code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}; its error output is below.",
        };
        return new RunFailure(FailureKind.Exit, message);
    }

    private static GhProblem Classify(int? exitCode, string stderr)
    {
        // Rate limit messages come first: some of them also talk about authentication.
        if (Mentions(stderr, "rate limit", "submitted too quickly"))
        {
            return GhProblem.RateLimited;
        }

        if (exitCode == AuthenticationRequiredExitCode
            || Mentions(stderr, "gh auth login", "not logged in", "authentication required", "bad credentials", "http 401"))
        {
            return GhProblem.NotAuthenticated;
        }

        if (Mentions(stderr, "could not resolve to a repository", "http 404", "repository not found"))
        {
            return GhProblem.RepositoryNotFound;
        }

        if (Mentions(stderr, "not a git repository", "no git remotes", "failed to determine base repo",
            "none of the git remotes"))
        {
            return GhProblem.NoRepository;
        }

        if (Mentions(stderr, "error connecting to", "could not resolve host", "no such host", "dial tcp",
            "network is unreachable"))
        {
            return GhProblem.Offline;
        }

        return GhProblem.Other;
    }

    private static bool Mentions(string stderr, params ReadOnlySpan<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (stderr.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private enum GhProblem
    {
        Other,
        RateLimited,
        NotAuthenticated,
        RepositoryNotFound,
        NoRepository,
        Offline,
    }
}
