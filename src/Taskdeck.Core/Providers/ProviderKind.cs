namespace Taskdeck.Core.Providers;

/// <summary>Where a provider comes from, which decides whether it needs the user's trust.</summary>
public enum ProviderKind
{
    /// <summary>Runs inside Taskdeck.</summary>
    BuiltIn,

    /// <summary>An executable in the user's own providers folder.</summary>
    UserFolder,

    /// <summary>A script inside the project folder: code from that repository.</summary>
    ProjectScript,

    /// <summary>An absolute path outside the user's providers folder.</summary>
    AbsolutePath,
}
