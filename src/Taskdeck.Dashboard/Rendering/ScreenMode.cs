namespace Taskdeck.Dashboard.Rendering;

/// <summary>What the keys currently do; the footer lists the keys of the mode.</summary>
public enum ScreenMode
{
    /// <summary>Moving around the tree.</summary>
    Tree,

    /// <summary>Typing into the search box: every printable key is text.</summary>
    Searching,

    /// <summary>Reading a full-screen page: a task's detail, a project's error, help.</summary>
    Page,

    /// <summary>Reading what trusting a project means, waiting for y or n.</summary>
    TrustPrompt,
}
