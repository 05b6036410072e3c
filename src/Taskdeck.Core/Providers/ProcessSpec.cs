using System.Collections.Immutable;

namespace Taskdeck.Core.Providers;

/// <summary>One process to run under the provider rules.</summary>
public sealed record ProcessSpec(
    string ExecutablePath,
    ImmutableArray<string> Arguments,
    string WorkingDirPath,
    ImmutableDictionary<string, string> Environment,
    TimeSpan Timeout)
{
    public const int DefaultMaxStdoutBytes = 16 * 1024 * 1024;
    public const int DefaultStderrTailBytes = 64 * 1024;

    public int MaxStdoutBytes { get; init; } = DefaultMaxStdoutBytes;

    public int StderrTailBytes { get; init; } = DefaultStderrTailBytes;

    /// <summary>How long to wait, after the process exits, for leftovers still holding its pipes.</summary>
    public TimeSpan ExitGrace { get; init; } = TimeSpan.FromMilliseconds(300);
}
