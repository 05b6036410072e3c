namespace Taskdeck.Dashboard.Model;

/// <summary>Which tasks are shown; <c>f</c> cycles through these in order.</summary>
public enum TaskFilter
{
    All,

    /// <summary>Work in motion: active and in review.</summary>
    Active,

    /// <summary>Everything not done and not dropped.</summary>
    Incomplete,
}
