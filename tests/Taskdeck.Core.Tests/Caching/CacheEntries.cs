using Taskdeck.Core.Caching;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Tests.Caching;

/// <summary>Cache entries for tests, with every field set so a lost column shows up.</summary>
internal static class CacheEntries
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TaskList Tasks(params (string Id, string Status)[] tasks) =>
        new([new TaskGroup("G", "Group", [.. tasks.Select(task => new TaskItem(task.Id, $"Task {task.Id}", task.Status))])]);

    public static CacheEntry Ok(string dirPath, DateTimeOffset startedAt, TaskList? tasks = null, string fingerprint = "fp") =>
        new(dirPath, fingerprint, tasks ?? Tasks(("1", "todo")), startedAt + TimeSpan.FromMilliseconds(5), null,
            startedAt, startedAt + TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), 0, null, TaskChanges.None);

    /// <summary>An entry using every optional field of the model.</summary>
    public static CacheEntry Full(string dirPath) =>
        new(
            dirPath,
            "abc123",
            new TaskList(
                [
                    new TaskGroup("PBI-1", "First", [
                        new TaskItem("1-1", "Define types", "Done", "ana", ["core", "ui"], 2, "https://example.org/1",
                            new DateTimeOffset(2026, 2, 18, 8, 0, 46, TimeSpan.FromHours(2)),
                            new DateTimeOffset(2026, 2, 19, 10, 0, 0, TimeSpan.Zero), "docs/1-1.md"),
                        new TaskItem("1-2", "Ünïcode \"quotes\"\nnewline", "InProgress"),
                        new TaskItem("1-3", "Given an empty labels list", "todo", Labels: []),
                    ], "InProgress", "https://example.org/pbi", IsCurrent: true, File: "docs/prd.md"),
                    new TaskGroup("empty", "No tasks", []),
                ],
                "PBI-1",
                "First"),
            Epoch.AddSeconds(-1),
            new RunFailure(FailureKind.Timeout, "The provider took too long.", "last line of stderr"),
            Epoch,
            Epoch.AddMilliseconds(1234.5678),
            TimeSpan.FromMilliseconds(1234.5678),
            3,
            Tasks(("1-1", "todo"), ("gone", "todo")),
            new TaskChanges(["1-2"], ["gone"], [new StatusChange("1-1", "todo", "Done")]));

    public static void AssertSame(CacheEntry expected, CacheEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ProjectDirPath, actual.ProjectDirPath);
        Assert.Equal(expected.Fingerprint, actual.Fingerprint);
        Assert.Equal(expected.Tasks, actual.Tasks);
        Assert.Equal(expected.FetchedAt, actual.FetchedAt);
        Assert.Equal(expected.Failure, actual.Failure);
        Assert.Equal(expected.StartedAt, actual.StartedAt);
        Assert.Equal(expected.FinishedAt, actual.FinishedAt);
        Assert.Equal(expected.Duration, actual.Duration);
        Assert.Equal(expected.ConsecutiveFailures, actual.ConsecutiveFailures);
        Assert.Equal(expected.PreviousTasks, actual.PreviousTasks);
        Assert.Equal(expected.Changes, actual.Changes);
    }

    public static string[] Ids(TaskList? tasks) => [.. tasks?.AllTasks.Select(task => task.Id) ?? []];
}
