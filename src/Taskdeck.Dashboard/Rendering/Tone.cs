namespace Taskdeck.Dashboard.Rendering;

/// <summary>What a piece of text means on screen; the view turns each tone into colours.</summary>
public enum Tone
{
    Plain,
    Dim,
    Strong,
    Todo,
    Active,
    Review,
    Blocked,
    Done,
    Dropped,
    Error,
    Stale,
    Untrusted,
    Running,
    Changed,
    Match,
}
