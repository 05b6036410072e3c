namespace Taskdeck.Core.Providers;

/// <summary>What happened to one process run.</summary>
public sealed record ProcessOutcome(
    int? ExitCode,
    byte[] Stdout,
    long StdoutBytes,
    string StderrTail,
    bool IsTimedOut,
    bool IsTooLarge,
    TimeSpan Duration,
    string? StartError = null);
