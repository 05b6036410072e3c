using Taskdeck.Core.Discovery;

namespace Taskdeck.Core.Providers;

/// <summary>A trust check that lets everything run, for tests of the runner itself.</summary>
public sealed class TrustEveryone : ITrustCheck
{
    public static TrustEveryone Instance { get; } = new();

    public RunFailure? Check(Project project, ResolvedProvider provider) => null;
}
