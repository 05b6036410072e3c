namespace Taskdeck.Core.Refresh;

/// <summary>How much a project's shown tasks can be believed.</summary>
public enum ProjectState
{
    /// <summary>The latest result, younger than the project's interval.</summary>
    Ok,

    /// <summary>An older result: past its interval, or kept beside a failure.</summary>
    Stale,

    /// <summary>The latest run failed and there is no earlier result to show.</summary>
    Error,

    /// <summary>The provider needs the user's trust; nothing ran.</summary>
    Untrusted,
}

public static class ProjectStateNames
{
    /// <summary>The name used in JSON and on screen.</summary>
    public static string ToWireName(this ProjectState state) => state switch
    {
        ProjectState.Ok => "ok",
        ProjectState.Stale => "stale",
        ProjectState.Error => "error",
        ProjectState.Untrusted => "untrusted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
