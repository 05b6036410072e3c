using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;

namespace Taskdeck.Core.Trust;

/// <summary>What a user sees before trusting a project.</summary>
/// <param name="ScriptPreview">
/// The first lines of the script that would run, with control characters and escape sequences
/// already removed, ready to print.
/// </param>
/// <param name="Changes">
/// A diff against what was trusted before (cleaned like <paramref name="ScriptPreview"/>), or null
/// if never trusted or nothing changed.
/// </param>
public sealed record TrustReview(
    Project Project,
    ResolvedProvider Provider,
    bool IsTrusted,
    IReadOnlyList<string> ScriptPreview,
    string? Changes)
{
    /// <summary>What the review looked at; <see cref="ITrustStore.Trust(TrustReview)"/> records it.</summary>
    public TrustSnapshot? Snapshot { get; init; }

    /// <summary>When the user last trusted this project, if ever.</summary>
    public DateTimeOffset? TrustedAt { get; init; }

    /// <summary>Whether the project was trusted before and has changed since.</summary>
    public bool HasChanged => !IsTrusted && Changes is not null;
}
