using System.Diagnostics;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Support;

/// <summary>What one <c>taskdeck</c> process did.</summary>
public sealed record TaskdeckRun(int ExitCode, string Stdout, string Stderr, TimeSpan Duration)
{
    /// <summary>The stderr lines, for counting warnings.</summary>
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs the built <c>taskdeck</c> as a whole process, the way a user does, with every XDG folder
/// (and HOME) inside a <see cref="TempWorkspace"/>, colours off and a time limit.
/// </summary>
public static class TaskdeckProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The apphost the CLI project built, for the configuration these tests were built in.</summary>
    public static string ExecutablePath { get; } = Locate();

    public static async Task<TaskdeckRun> RunAsync(
        TempWorkspace workspace,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null,
        string? workingDirPath = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirPath ?? workspace.RootPath,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in workspace.XdgEnvironment)
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["HOME"] = workspace.RootPath;
        startInfo.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"taskdeck {string.Join(' ', startInfo.ArgumentList)} did not finish within {(timeout ?? DefaultTimeout).TotalSeconds:0} s. Stderr so far:\n{await stderr}");
        }

        return new TaskdeckRun(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
    }

    public static Task<TaskdeckRun> RunAsync(TempWorkspace workspace, params string[] arguments) =>
        RunAsync(workspace, (IEnumerable<string>)arguments);

    private static string Locate()
    {
        // tests/Taskdeck.Cli.Tests/bin/<configuration>/net10.0/ → src/Taskdeck.Cli/bin/<configuration>/net10.0/
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var repositoryDirPath = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repositoryDirPath, "src", "Taskdeck.Cli", "bin", configuration, "net10.0", "taskdeck");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"taskdeck was not built at '{path}'; build tests/Taskdeck.Cli.Tests first.");
    }
}
