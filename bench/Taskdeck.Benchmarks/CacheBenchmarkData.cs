using Taskdeck.Core.Caching;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Benchmarks;

/// <summary>Results shaped like a small real backlog: one group of five tasks per project.</summary>
internal static class CacheBenchmarkData
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static string NewCacheDirPath() =>
        Path.Combine(Path.GetTempPath(), "taskdeck-bench-cache", Guid.NewGuid().ToString("N")[..12]);

    /// <summary>
    /// One entry per project, started at <paramref name="startedAt"/>; with
    /// <paramref name="isRepeat"/> each also holds an equal previous result, as after a refresh
    /// that changed nothing.
    /// </summary>
    public static List<CacheEntry> Entries(int count, DateTimeOffset startedAt, bool isRepeat) =>
        Enumerable.Range(0, count).Select(index =>
        {
            var tasks = Tasks(index);
            return new CacheEntry(
                $"/home/user/code/project-{index:0000}", new string('f', 64), tasks, startedAt, null, startedAt,
                startedAt.AddMilliseconds(40), TimeSpan.FromMilliseconds(40), 0, isRepeat ? tasks : null,
                TaskChanges.None);
        }).ToList();

    private static TaskList Tasks(int index) =>
        new([
            new TaskGroup($"PBI-{index}", $"Backlog item {index}", [
                new TaskItem($"{index}-1", "Define the types", "Done", "ana", ["core"]),
                new TaskItem($"{index}-2", "Write the parser", "InProgress", Priority: 1),
                new TaskItem($"{index}-3", "Wire the command", "Proposed"),
                new TaskItem($"{index}-4", "Document it", "Proposed", File: $"docs/{index}-4.md"),
                new TaskItem($"{index}-5", "Review", "Review"),
            ], "InProgress", IsCurrent: true),
        ]);
}
