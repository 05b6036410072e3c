namespace Taskdeck.Dashboard.Model;

/// <summary>Which message a <see cref="RowKind.Notice"/> row carries.</summary>
public enum NoticeKind
{
    None,

    /// <summary>The latest run failed: its kind and the first line of its message.</summary>
    Error,

    /// <summary>The provider needs trust; the row says how to give it.</summary>
    Untrusted,

    /// <summary>Nothing is cached and no run has finished yet.</summary>
    Waiting,

    /// <summary>The provider answered with no groups at all.</summary>
    NoTasks,
}
