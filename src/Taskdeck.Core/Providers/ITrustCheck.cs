using Taskdeck.Core.Discovery;

namespace Taskdeck.Core.Providers;

/// <summary>Decides, before anything starts, whether a project's provider may run.</summary>
public interface ITrustCheck
{
    /// <summary>Null when the provider may run; otherwise the <c>untrusted</c> failure to show.</summary>
    RunFailure? Check(Project project, ResolvedProvider provider);
}
