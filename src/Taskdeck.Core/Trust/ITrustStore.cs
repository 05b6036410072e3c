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

    /// <summary>
    /// Records exactly what <paramref name="review"/> showed, so a file changed while the user was
    /// reading stays untrusted instead of being trusted unseen.
    /// </summary>
    void Trust(TrustReview review);

    /// <summary>Forgets a project; returns false when it was not trusted.</summary>
    bool Untrust(string projectDirPath);

    /// <summary>Every record, in the order of the projects' folders.</summary>
    IReadOnlyList<TrustRecord> Records();
}
