using Taskdeck.Core.Providers;

namespace Taskdeck.Cli.Output;

/// <summary>One line per provider run for <c>--verbose</c>, on stderr.</summary>
internal static class VerboseReport
{
    public static string Format(ProviderRunReport report)
    {
        var exit = report.ExitCode is { } code ? $"exit {code}" : "no exit code";
        var outcome = report.FailureKind is { } kind ? kind.ToWireName() : "ok";
        return $"run: {report.ProjectName}: {report.Command} — {report.Duration.TotalMilliseconds:0} ms, {exit}, {report.StdoutBytes} bytes, {outcome}";
    }
}
