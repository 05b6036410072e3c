namespace Taskdeck.Core.Tests.Support;

/// <summary>Asks the OS whether processes are still alive (zombies count as gone).</summary>
public static class ProcessTable
{
    public static bool IsAlive(int pid)
    {
        var statPath = $"/proc/{pid}/stat";
        try
        {
            var stat = File.ReadAllText(statPath);
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Pids a fake provider recorded as <c>leftover-PID</c> files in <paramref name="recordDirPath"/>.</summary>
    public static IReadOnlyList<int> RecordedLeftovers(string recordDirPath) =>
        Directory.EnumerateFiles(recordDirPath, "leftover-*")
            .Select(path => int.Parse(Path.GetFileName(path)["leftover-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>Waits briefly for processes to disappear (signals are delivered asynchronously).</summary>
    public static async Task<IReadOnlyList<int>> SurvivorsAsync(IEnumerable<int> pids, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        List<int> alive;
        do
        {
            alive = pids.Where(IsAlive).ToList();
            if (alive.Count == 0)
            {
                return alive;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return alive;
    }
}
