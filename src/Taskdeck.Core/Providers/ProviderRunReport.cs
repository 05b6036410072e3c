namespace Taskdeck.Core.Providers;

/// <summary>What <c>--verbose</c> shows of each run.</summary>
public sealed record ProviderRunReport(
    string ProjectName,
    string Command,
    TimeSpan Duration,
    int? ExitCode,
    long StdoutBytes,
    FailureKind? FailureKind);
