using Taskdeck.Core.Discovery;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Dashboard.Model;

/// <summary>One project on the dashboard: its latest result, whether it is running, unseen changes.</summary>
public sealed class ProjectSlot
{
    private readonly Dictionary<string, ChangeMark> _unseenChangesByTaskId = new(StringComparer.Ordinal);
    private DateTimeOffset? _changesAdoptedFrom;

    internal ProjectSlot(ProjectResult result, int sourceIndex)
    {
        Result = result;
        SourceIndex = sourceIndex;
    }

    public Project Project => Result.Project;

    public ProjectResult Result { get; private set; }

    /// <summary>The position in which the project was found: the source order.</summary>
    public int SourceIndex { get; }

    /// <summary>A run for this project is under way or waiting for a free slot.</summary>
    public bool IsRunning { get; internal set; }

    public int UnseenChangeCount => _unseenChangesByTaskId.Count;

    /// <summary>The category of each shown group, by its index: worked out once per result, not per frame.</summary>
    internal StatusCategory[] GroupCategories { get; private set; } = [];

    /// <summary>The category of each shown task, by group index and task index.</summary>
    internal StatusCategory[][] TaskCategories { get; private set; } = [];

    public ChangeMark MarkOf(string taskId) =>
        _unseenChangesByTaskId.GetValueOrDefault(taskId, ChangeMark.None);

    internal void Accept(ProjectResult result)
    {
        Result = result;
        var groups = result.ShownTasks?.Groups ?? [];
        GroupCategories = [.. groups.Select(group => group.Category())];
        TaskCategories = [.. groups.Select(group => group.Tasks.Select(task => task.Category()).ToArray())];

        // The same stored result arrives again (snapshot, then a fresh cache hit); its changes
        // were adopted already and some may have been seen since.
        if (result.FetchedAt == _changesAdoptedFrom || !result.Changes.HasChanges)
        {
            return;
        }

        _changesAdoptedFrom = result.FetchedAt;
        foreach (var id in result.Changes.Added)
        {
            _unseenChangesByTaskId[id] = ChangeMark.Added;
        }

        foreach (var change in result.Changes.StatusChanged)
        {
            _unseenChangesByTaskId[change.TaskId] = ChangeMark.StatusChanged;
        }
    }

    internal bool MarkSeen(string taskId) => _unseenChangesByTaskId.Remove(taskId);
}
