using Taskdeck.Core.Providers;
using Taskdeck.Core.Providers.BuiltIn.GitHubIssues;
using Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

namespace Taskdeck.Cli;

/// <summary>The built-in providers this build of Taskdeck ships.</summary>
internal static class BuiltIns
{
    public static BuiltInProviders Create() => new([new MarkdownTasksProvider(), new GitHubIssuesProvider()]);
}
