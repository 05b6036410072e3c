// A provider that misbehaves on request, so tests can run real processes through every outcome.
// Its arguments arrive the way every provider's do: as TASKDECK_ARG_* environment variables.
using System.Diagnostics;
using System.Globalization;
using System.Text;

static string Arg(string name, string fallback = "") =>
    Environment.GetEnvironmentVariable($"TASKDECK_ARG_{name}") ?? fallback;

var mode = Arg("MODE", "ok");
var recordDirPath = Arg("RECORD_DIR");
var startedAt = Stopwatch.GetTimestamp();

if (recordDirPath.Length > 0)
{
    File.WriteAllText(Path.Combine(recordDirPath, $"start-{Environment.ProcessId}"), "");
}

if (int.TryParse(Arg("SLEEP_MS", "0"), CultureInfo.InvariantCulture, out var sleepMs) && sleepMs > 0)
{
    Thread.Sleep(sleepMs);
}

var output = Console.OpenStandardOutput();
void Print(string text)
{
    var bytes = Encoding.UTF8.GetBytes(text);
    output.Write(bytes);
    output.Flush();
}

void RecordInterval()
{
    if (recordDirPath.Length > 0)
    {
        // Stopwatch reads CLOCK_MONOTONIC, which every process on the machine shares.
        File.WriteAllText(
            Path.Combine(recordDirPath, $"interval-{Environment.ProcessId}"),
            $"{startedAt} {Stopwatch.GetTimestamp()} {Stopwatch.Frequency}");
    }
}

int StartSleeper(bool ownSession)
{
    var startInfo = ownSession
        ? new ProcessStartInfo("setsid", ["sleep", "1000"])
        : new ProcessStartInfo("sleep", ["1000"]);
    startInfo.UseShellExecute = false;
    var sleeper = Process.Start(startInfo)!;
    if (recordDirPath.Length > 0)
    {
        File.WriteAllText(Path.Combine(recordDirPath, $"leftover-{sleeper.Id}"), "");
    }

    return sleeper.Id;
}

var taskCount = int.Parse(Arg("TASKS", "1"), CultureInfo.InvariantCulture);
var status = Arg("STATUS", "todo");
var title = Arg("TITLE", "Task");

// LABELS unset: no labels key; set, even to "": a list of its comma-separated names.
var labels = Environment.GetEnvironmentVariable("TASKDECK_ARG_LABELS") is { } labelNames
    ? ",\"labels\":[" + string.Join(",", labelNames.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => $"\"{name}\"")) + "]"
    : "";
string TasksJson()
{
    var builder = new StringBuilder("{\"tasks\":[");
    for (var index = 0; index < taskCount; index++)
    {
        builder.Append(index == 0 ? "" : ",")
            .Append(CultureInfo.InvariantCulture, $"{{\"id\":\"T-{index + 1}\",\"title\":\"{title} {index + 1}\",\"status\":\"{status}\"{labels}}}");
    }

    return builder.Append("]}").ToString();
}

switch (mode)
{
    case "ok":
        Print(TasksJson());
        RecordInterval();
        return 0;
    case "hang":
        Thread.Sleep(Timeout.Infinite);
        return 0;
    case "exit":
        Console.Error.WriteLine("fake provider: something went wrong");
        return 3;
    case "garbage":
        Print("{\"tasks\": [ oops");
        return 0;
    case "invalid":
        Print("{\"groups\":[{\"id\":\"G\",\"title\":\"Group\",\"tasks\":[{\"id\":\"1\",\"title\":\"No status\"}]}]}");
        return 0;
    case "invalid-many":
        // One problem per task: each lacks its status.
        Print(TasksJson().Replace($",\"status\":\"{status}\"", "", StringComparison.Ordinal));
        return 0;
    case "flood":
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        var limit = long.Parse(Arg("FLOOD_BYTES", "209715200"), CultureInfo.InvariantCulture);
        for (long written = 0; written < limit; written += chunk.Length)
        {
            output.Write(chunk);
        }

        return 0;
    case "stderr-flood":
        for (var line = 0; line < 100_000; line++)
        {
            Console.Error.WriteLine($"noise line {line}");
        }

        Console.Error.WriteLine("the last line");
        return 1;
    case "grandchild":
        StartSleeper(ownSession: false);
        Print(TasksJson());
        return 0;
    case "setsid-grandchild":
        StartSleeper(ownSession: true);
        Print(TasksJson());
        return 0;
    case "grandchild-hang":
        StartSleeper(ownSession: Arg("OWN_SESSION") == "1");
        Thread.Sleep(Timeout.Infinite);
        return 0;
    case "env":
        var names = Arg("NAMES").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var tasks = names.Select((name, index) =>
            $"{{\"id\":\"{index}\",\"title\":\"{name}={Environment.GetEnvironmentVariable(name)}\",\"status\":\"todo\"}}");
        Print($"{{\"tasks\":[{string.Join(",", tasks)}]}}");
        return 0;
    default:
        Console.Error.WriteLine($"fake provider: unknown mode '{mode}'");
        return 2;
}
