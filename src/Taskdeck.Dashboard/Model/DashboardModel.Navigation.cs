namespace Taskdeck.Dashboard.Model;

public sealed partial class DashboardModel
{
    /// <summary>One row down; from the last row to the first.</summary>
    public void MoveDown() => MoveTo(Rows.Count == 0 ? 0 : (_cursorIndex + 1) % _rows.Count);

    /// <summary>One row up; from the first row to the last.</summary>
    public void MoveUp() => MoveTo(Rows.Count == 0 ? 0 : (_cursorIndex - 1 + _rows.Count) % _rows.Count);

    public void MoveToFirst() => MoveTo(0);

    public void MoveToLast() => MoveTo(Rows.Count - 1);

    public void PageDown() => MoveTo(Math.Min(CursorIndex + Math.Max(_viewportHeight - 1, 1), _rows.Count - 1));

    public void PageUp() => MoveTo(Math.Max(CursorIndex - Math.Max(_viewportHeight - 1, 1), 0));

    /// <summary>To the next group or project heading, wrapping around.</summary>
    public void MoveToNextGroup() => MoveToNext(row => row.Kind is RowKind.Group or RowKind.Project, forward: true);

    /// <summary>To the previous group or project heading, wrapping around.</summary>
    public void MoveToPreviousGroup() => MoveToNext(row => row.Kind is RowKind.Group or RowKind.Project, forward: false);

    /// <summary>
    /// Opens or closes the project or group under the cursor; on a task, closes its group and
    /// moves to it.
    /// </summary>
    public void ToggleSelected()
    {
        if (Selected is not { } row)
        {
            return;
        }

        switch (row.Kind)
        {
            case RowKind.Project:
                SetProjectExpanded(row.Key, !row.IsExpanded);
                break;
            case RowKind.Group:
                SetGroupExpanded(row.Key, !row.IsExpanded);
                break;
            case RowKind.Task:
                SetGroupExpanded(row.Key.Parent!.Value, isExpanded: false);
                break;
        }

        MarkLayoutStale();
    }

    /// <summary>Opens everything if anything is closed, else closes every group.</summary>
    public void ToggleAll()
    {
        var isAnythingClosed = _collapsedProjectDirPaths.Count > 0
            || Rows.Any(row => row.Kind == RowKind.Group && !row.IsExpanded);
        _areAllGroupsExpanded = isAnythingClosed;
        _groupExpansionByKey.Clear();
        _collapsedProjectDirPaths.Clear();
        _collapsedWhileSearching.Clear();
        MarkLayoutStale();
    }

    public void MoveTo(int index)
    {
        if (Rows.Count == 0)
        {
            return;
        }

        _cursorIndex = Math.Clamp(index, 0, _rows.Count - 1);
        ScrollToCursor();
        if (_rows[_cursorIndex] is { Kind: RowKind.Task, Task: { } task } row)
        {
            row.Slot.MarkSeen(task.Id);
        }
    }

    private void MoveToNext(Func<DashboardRow, bool> isTarget, bool forward)
    {
        var count = Rows.Count;
        for (var step = 1; step <= count; step++)
        {
            var index = forward ? (_cursorIndex + step) % count : (_cursorIndex - step + count) % count;
            if (isTarget(_rows[index]))
            {
                MoveTo(index);
                return;
            }
        }
    }

    private void SetProjectExpanded(RowKey projectKey, bool isExpanded)
    {
        if (isExpanded)
        {
            _collapsedProjectDirPaths.Remove(projectKey.ProjectDirPath);
            _collapsedWhileSearching.Remove(projectKey);
            return;
        }

        _collapsedProjectDirPaths.Add(projectKey.ProjectDirPath);
        if (IsSearching)
        {
            _collapsedWhileSearching.Add(projectKey);
        }
    }

    private void SetGroupExpanded(RowKey groupKey, bool isExpanded)
    {
        _groupExpansionByKey[groupKey] = isExpanded;
        if (isExpanded)
        {
            _collapsedWhileSearching.Remove(groupKey);
        }
        else if (IsSearching)
        {
            _collapsedWhileSearching.Add(groupKey);
        }
    }
}
