using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;

namespace Taskdeck.Core.Trust;

/// <summary>
/// Remembers which project scripts the user has trusted, and shows what trusting one means.
/// </summary>
public interface ITrustStore : ITrustCheck
{
    /// <summary>What would run and, for a project trusted before, what changed since.</summary>
    TrustReview Review(Project project, ResolvedProvider provider);

    /// <summary>Records the project file and script as they are now.</summary>
    void Trust(Project project, ResolvedProvider provider);
}

/// <summary>What a user sees before trusting a project.</summary>
/// <param name="ScriptPreview">The first lines of the script that would run.</param>
/// <param name="Changes">A diff against what was trusted before, or null if never trusted.</param>
public sealed record TrustReview(
    Project Project,
    ResolvedProvider Provider,
    bool IsTrusted,
    IReadOnlyList<string> ScriptPreview,
    string? Changes);
