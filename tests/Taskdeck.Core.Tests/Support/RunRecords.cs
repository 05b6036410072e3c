using System.Globalization;

namespace Taskdeck.Core.Tests.Support;

/// <summary>
/// Reads the <c>interval-PID</c> files that test providers leave in a record folder: the start and
/// end of each run, on one clock shared by every process.
/// </summary>
public static class RunRecords
{
    /// <summary>The most provider runs that overlapped in time.</summary>
    public static int MaxOverlap(string recordDirPath)
    {
        var events = new List<(double At, int Delta)>();
        foreach (var path in Directory.EnumerateFiles(recordDirPath, "interval-*"))
        {
            var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            events.Add((double.Parse(parts[0], CultureInfo.InvariantCulture), +1));
            events.Add((double.Parse(parts[1], CultureInfo.InvariantCulture), -1));
        }

        // At equal times count ends first, so back-to-back runs do not look simultaneous.
        var running = 0;
        var most = 0;
        foreach (var (_, delta) in events.OrderBy(e => e.At).ThenBy(e => e.Delta))
        {
            running += delta;
            most = Math.Max(most, running);
        }

        return most;
    }

    /// <summary>How many runs finished and recorded their interval.</summary>
    public static int FinishedRuns(string recordDirPath) => Directory.EnumerateFiles(recordDirPath, "interval-*").Count();
}
