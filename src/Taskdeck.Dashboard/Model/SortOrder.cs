namespace Taskdeck.Dashboard.Model;

/// <summary>How projects, groups and tasks are ordered; <c>s</c> cycles through these in order.</summary>
public enum SortOrder
{
    /// <summary>Projects in the order they were found; groups and tasks in the provider's order.</summary>
    Source,

    /// <summary>Work in motion first: active, review, blocked, todo, done, dropped.</summary>
    Status,

    Name,

    /// <summary>Least done first.</summary>
    Progress,
}
