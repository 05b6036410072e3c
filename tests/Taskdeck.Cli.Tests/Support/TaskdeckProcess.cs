using System.Diagnostics;
using System.Text;

namespace Taskdeck.Cli.Tests.Support;

/// <summary>Runs the built <c>taskdeck</c> as a real process with its XDG folders in a temp workspace.</summary>
public static class TaskdeckProcess
{
    public static string ExecutablePath { get; } = Locate();

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(
        string workingDirPath,
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        using var process = Start(workingDirPath, environment, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts taskdeck without waiting, for tests that interrupt it.</summary>
    public static Process Start(string workingDirPath, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        return process;
    }

    private static string Locate()
    {
        // Test output lives in tests/Taskdeck.Cli.Tests/bin/<configuration>/net10.0/.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var repoRoot = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repoRoot, "src", "Taskdeck.Cli", "bin", configuration, "net10.0", "taskdeck");
        return File.Exists(path) ? path : throw new FileNotFoundException($"taskdeck was not built at '{path}'.");
    }
}
