using System.Collections.Immutable;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Dashboard.Tests.Support;

/// <summary>Short ways to write projects, groups, tasks and results in tests.</summary>
public static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A project whose provider is an absolute path that exists, so it resolves without running.</summary>
    public static Project Project(string name, TimeSpan? interval = null) =>
        new(name, $"/projects/{name}", null, TaskSettings.ForProvider("/bin/true"),
            interval ?? TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), StatusMap.Empty);

    public static TaskItem Task(string id, string title, string status, string? url = null, string? file = null) =>
        new(id, title, status, Url: url, File: file);

    public static TaskGroup Group(string id, string title, params TaskItem[] tasks) =>
        new(id, title, [.. tasks]);

    public static TaskGroup CurrentGroup(string id, string title, params TaskItem[] tasks) =>
        new(id, title, [.. tasks], IsCurrent: true);

    public static ProjectResult Ok(Project project, params TaskGroup[] groups) =>
        new(project, ProjectState.Ok, new TaskList([.. groups]), null, false, Now, TimeSpan.FromMilliseconds(5), TaskChanges.None);

    public static ProjectResult WithChanges(ProjectResult result, DateTimeOffset fetchedAt, string[] added, params (string Id, string Old, string New)[] moved) =>
        result with
        {
            FetchedAt = fetchedAt,
            Changes = new TaskChanges(
                [.. added], [], [.. moved.Select(change => new StatusChange(change.Id, change.Old, change.New))]),
        };

    public static ProjectResult Stale(ProjectResult result, DateTimeOffset fetchedAt) =>
        result with { State = ProjectState.Stale, FetchedAt = fetchedAt };

    public static ProjectResult Failed(Project project, FailureKind kind, string message, string? stderr = null) =>
        new(project, ProjectState.Error, null, new RunFailure(kind, message, stderr), false, null, TimeSpan.FromMilliseconds(5), TaskChanges.None);

    public static ProjectResult Waiting(Project project) =>
        new(project, ProjectState.Stale, null, null, true, null, null, TaskChanges.None);

    /// <summary>Many projects with many tasks, for speed measurements.</summary>
    public static IReadOnlyList<ProjectResult> Many(int projects, int tasksPerProject, int groupsPerProject)
    {
        string[] statuses = ["todo", "InProgress", "Done", "Blocked", "review", "wontfix"];
        var results = new List<ProjectResult>(projects);
        for (var p = 0; p < projects; p++)
        {
            var project = Project($"project-{p:000}");
            var groups = ImmutableArray.CreateBuilder<TaskGroup>(groupsPerProject);
            var perGroup = tasksPerProject / groupsPerProject;
            for (var g = 0; g < groupsPerProject; g++)
            {
                var tasks = Enumerable.Range(0, perGroup)
                    .Select(t => Task($"{p}-{g}-{t}", $"Task {t} of group {g} in project {p}", statuses[(p + g + t) % statuses.Length]));
                groups.Add(new TaskGroup($"G-{g}", $"Group {g}", [.. tasks], IsCurrent: g == 0));
            }

            results.Add(new ProjectResult(project, ProjectState.Ok, new TaskList(groups.ToImmutable()), null, false, Now, null, TaskChanges.None));
        }

        return results;
    }
}
