namespace Taskdeck.Core.Providers;

/// <summary>One attempt to get a project's tasks, with the facts <c>check</c> and <c>--verbose</c> show.</summary>
public sealed record ProviderRun(
    ProviderOutcome Outcome,
    TimeSpan Duration,
    ResolvedProvider? Provider = null,
    int? ExitCode = null,
    long StdoutBytes = 0,
    string Stderr = "",
    ReadOnlyMemory<byte> Stdout = default)
{
    /// <summary>Whether a provider actually started (not refused before it could).</summary>
    public bool HasStarted { get; init; }
}
