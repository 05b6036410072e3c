using System.Buffers;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Dashboard.Model;

public sealed partial class DashboardModel
{
    private readonly List<int> _matchIndices = [];

    // Projects and groups the user closed by hand during this search; a match no longer opens them.
    private readonly HashSet<RowKey> _collapsedWhileSearching = [];

    // Matching runs over every task on each key typed; a prepared vectorised search keeps that fast
    // with tens of thousands of tasks.
    private SearchValues<string>? _searchValues;

    public string SearchText { get; private set; } = "";

    public bool IsSearching => SearchText.Length > 0;

    /// <summary>How many shown rows match the search (matches in closed groups open them).</summary>
    public int MatchCount
    {
        get
        {
            EnsureLayout();
            return _matchIndices.Count;
        }
    }

    /// <summary>Which match the cursor is on, counting from 1, or 0 when it is on none.</summary>
    public int CurrentMatchNumber
    {
        get
        {
            EnsureLayout();
            var position = _matchIndices.BinarySearch(_cursorIndex);
            return position >= 0 ? position + 1 : 0;
        }
    }

    /// <summary>Sets the search and moves to the first match at or after the cursor.</summary>
    public void SetSearch(string text)
    {
        if (text == SearchText)
        {
            return;
        }

        SearchText = text;
        _searchValues = text.Length > 0 ? SearchValues.Create([text], StringComparison.OrdinalIgnoreCase) : null;
        _collapsedWhileSearching.Clear();
        MarkLayoutStale();
        if (IsSearching)
        {
            MoveToMatch(forward: true, includeCurrent: true);
        }
    }

    public void ClearSearch() => SetSearch("");

    public void MoveToNextMatch() => MoveToMatch(forward: true, includeCurrent: false);

    public void MoveToPreviousMatch() => MoveToMatch(forward: false, includeCurrent: false);

    private void MoveToMatch(bool forward, bool includeCurrent)
    {
        EnsureLayout();
        if (_matchIndices.Count == 0)
        {
            return;
        }

        var position = _matchIndices.BinarySearch(_cursorIndex);
        int target;
        if (position >= 0)
        {
            target = includeCurrent ? position : position + (forward ? 1 : -1);
        }
        else
        {
            // ~position is the first match after the cursor.
            target = forward ? ~position : ~position - 1;
        }

        MoveTo(_matchIndices[(target % _matchIndices.Count + _matchIndices.Count) % _matchIndices.Count]);
    }

    private bool IsSearchMatch(string text) =>
        _searchValues is { } searchValues && text.AsSpan().ContainsAny(searchValues);

    private bool IsSearchMatch(string id, string title) => IsSearchMatch(id) || IsSearchMatch(title);

    private bool IsSearchMatch(TaskItem task) =>
        IsSearchMatch(task.Id, task.Title) || (task.Assignee is { } assignee && IsSearchMatch(assignee));
}
