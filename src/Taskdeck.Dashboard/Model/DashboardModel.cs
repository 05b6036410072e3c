using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Dashboard.Model;

/// <summary>
/// Everything the dashboard shows, without a terminal: the rows of the project → group → task
/// tree, the cursor, which projects and groups are open, the sort, the filter and the search.
/// Results can arrive at any time; the cursor stays on the row it was on.
/// </summary>
/// <remarks>
/// The layout is rebuilt lazily: changes only mark it stale, and the next read rebuilds it once,
/// so a burst of results costs one rebuild per frame, not one per result.
/// </remarks>
public sealed partial class DashboardModel
{
    private readonly List<ProjectSlot> _slots = [];
    private readonly Dictionary<string, ProjectSlot> _slotsByDirPath = new(StringComparer.Ordinal);
    private readonly HashSet<string> _collapsedProjectDirPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<RowKey, bool> _groupExpansionByKey = [];
    private readonly CategoryCounts _counts = new();
    private List<DashboardRow> _rows = [];
    private bool? _areAllGroupsExpanded;
    private bool _isLayoutStale = true;
    private RowKey? _keyBeforeChange;
    private int _cursorIndex;
    private int _topIndex;
    private int _viewportHeight = 20;

    public DashboardModel(IEnumerable<ProjectResult> initialResults)
    {
        foreach (var result in initialResults)
        {
            if (_slotsByDirPath.ContainsKey(result.Project.DirPath))
            {
                continue;
            }

            var slot = new ProjectSlot(result, _slots.Count);
            slot.Accept(result);
            _slots.Add(slot);
            _slotsByDirPath.Add(result.Project.DirPath, slot);
        }
    }

    /// <summary>Every project, in source order.</summary>
    public IReadOnlyList<ProjectSlot> Projects => _slots;

    public IReadOnlyList<DashboardRow> Rows
    {
        get
        {
            EnsureLayout();
            return _rows;
        }
    }

    public int CursorIndex
    {
        get
        {
            EnsureLayout();
            return _cursorIndex;
        }
    }

    /// <summary>The first row in view.</summary>
    public int TopIndex
    {
        get
        {
            EnsureLayout();
            return _topIndex;
        }
    }

    /// <summary>How many rows fit on screen; the view sets it before drawing.</summary>
    public int ViewportHeight
    {
        get => _viewportHeight;
        set
        {
            _viewportHeight = Math.Max(value, 1);
            EnsureLayout();
            ScrollToCursor();
        }
    }

    public DashboardRow? Selected => Rows.Count == 0 ? null : _rows[_cursorIndex];

    /// <summary>Tasks per category over everything the filter lets through, open groups or not.</summary>
    public CategoryCounts Counts
    {
        get
        {
            EnsureLayout();
            return _counts;
        }
    }

    public SortOrder Sort { get; private set; }

    public bool IsSortReversed { get; private set; }

    public TaskFilter Filter { get; private set; }

    public int RunningCount => _slots.Count(slot => slot.IsRunning);

    public int UnseenChangeCount => _slots.Sum(slot => slot.UnseenChangeCount);

    /// <summary>Takes in a project's new result; unknown projects are ignored.</summary>
    public void Apply(ProjectResult result)
    {
        if (!_slotsByDirPath.TryGetValue(result.Project.DirPath, out var slot))
        {
            return;
        }

        slot.Accept(result);
        MarkLayoutStale();
    }

    /// <summary>Updates which projects are running; returns whether anything changed.</summary>
    public bool SyncRunning(Func<ProjectSlot, bool> isRunning)
    {
        var hasChanged = false;
        foreach (var slot in _slots)
        {
            var running = isRunning(slot);
            hasChanged |= running != slot.IsRunning;
            slot.IsRunning = running;
        }

        return hasChanged;
    }

    public ProjectSlot? SlotOf(string projectDirPath) => _slotsByDirPath.GetValueOrDefault(projectDirPath);

    public void CycleSort()
    {
        Sort = (SortOrder)(((int)Sort + 1) % Enum.GetValues<SortOrder>().Length);
        MarkLayoutStale();
    }

    public void ReverseSort()
    {
        IsSortReversed = !IsSortReversed;
        MarkLayoutStale();
    }

    public void CycleFilter()
    {
        Filter = (TaskFilter)(((int)Filter + 1) % Enum.GetValues<TaskFilter>().Length);
        MarkLayoutStale();
    }

    public void SetSort(SortOrder sort, bool isReversed = false)
    {
        Sort = sort;
        IsSortReversed = isReversed;
        MarkLayoutStale();
    }

    public void SetFilter(TaskFilter filter)
    {
        Filter = filter;
        MarkLayoutStale();
    }

    private void MarkLayoutStale()
    {
        if (!_isLayoutStale)
        {
            _keyBeforeChange = _rows.Count == 0 ? null : _rows[_cursorIndex].Key;
            _isLayoutStale = true;
        }
    }

    private void EnsureLayout()
    {
        if (!_isLayoutStale)
        {
            return;
        }

        var screenLine = _cursorIndex - _topIndex;
        var previousIndex = _cursorIndex;
        _isLayoutStale = false;
        Layout();

        _cursorIndex = _keyBeforeChange is { } key && FindNearest(key) is { } found
            ? found
            : Math.Clamp(previousIndex, 0, Math.Max(_rows.Count - 1, 0));

        // Keep the cursor on the same screen line, so rows landing above it do not shove the view.
        _topIndex = _cursorIndex - screenLine;
        ScrollToCursor();
    }

    /// <summary>The row with this key or, if it is gone, its group's or project's row.</summary>
    /// <remarks>A scan once per layout is cheaper than indexing every row of every layout.</remarks>
    private int? FindNearest(RowKey key)
    {
        for (RowKey? candidate = key; candidate is { } current; candidate = current.Parent)
        {
            var index = _rows.FindIndex(row => row.Key == current);
            if (index >= 0)
            {
                return index;
            }
        }

        return null;
    }

    private void ScrollToCursor()
    {
        if (_cursorIndex < _topIndex)
        {
            _topIndex = _cursorIndex;
        }
        else if (_cursorIndex >= _topIndex + _viewportHeight)
        {
            _topIndex = _cursorIndex - _viewportHeight + 1;
        }

        _topIndex = Math.Clamp(_topIndex, 0, Math.Max(_rows.Count - _viewportHeight, 0));
    }

    private static bool IsShownBy(TaskFilter filter, StatusCategory category) => filter switch
    {
        TaskFilter.Active => category is StatusCategory.Active or StatusCategory.Review,
        TaskFilter.Incomplete => category is not (StatusCategory.Done or StatusCategory.Dropped),
        _ => true,
    };
}
