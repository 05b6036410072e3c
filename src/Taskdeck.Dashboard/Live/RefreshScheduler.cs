using Taskdeck.Core.Discovery;

namespace Taskdeck.Dashboard.Live;

/// <summary>
/// Wakes up when the earliest project is due and hands over every project due by then, so each
/// project refreshes on its own interval instead of all of them on one global tick.
/// </summary>
public sealed class RefreshScheduler : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action<IReadOnlyList<Project>> _onDue;
    private readonly Dictionary<string, (Project Project, DateTimeOffset DueAt)> _dueByDirPath = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private bool _isDisposed;

    public RefreshScheduler(TimeProvider time, Action<IReadOnlyList<Project>> onDue)
    {
        _time = time;
        _onDue = onDue;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>When the next project is due, or null when none is waiting.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_lock)
            {
                return _dueByDirPath.Count == 0 ? null : _dueByDirPath.Values.Min(entry => entry.DueAt);
            }
        }
    }

    public void Schedule(Project project, DateTimeOffset dueAt)
    {
        lock (_lock)
        {
            _dueByDirPath[project.DirPath] = (project, dueAt);
            Rearm();
        }
    }

    public void Unschedule(Project project)
    {
        lock (_lock)
        {
            _dueByDirPath.Remove(project.DirPath);
            Rearm();
        }
    }

    private void Fire()
    {
        List<Project> due;
        lock (_lock)
        {
            if (_isDisposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            due = [.. _dueByDirPath.Values.Where(entry => entry.DueAt <= now).Select(entry => entry.Project)];
            foreach (var project in due)
            {
                _dueByDirPath.Remove(project.DirPath);
            }

            Rearm();
        }

        if (due.Count > 0)
        {
            _onDue(due);
        }
    }

    private void Rearm()
    {
        if (_isDisposed)
        {
            return;
        }

        if (_dueByDirPath.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = _dueByDirPath.Values.Min(entry => entry.DueAt) - _time.GetUtcNow();
        _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _isDisposed = true;
            _timer.Dispose();
        }
    }
}
