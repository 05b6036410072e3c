using System.Diagnostics;
using Taskdeck.Core.Tests.Support;
using Taskdeck.Core.Text;

namespace Taskdeck.Cli.Tests.Support;

/// <summary>What one run of the built <c>taskdeck</c> printed and returned.</summary>
public sealed record TaskdeckRun(int ExitCode, string Stdout, string Stderr, TimeSpan Duration = default)
{
    /// <summary>The stderr lines, for counting warnings.</summary>
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built <c>taskdeck</c> the way a user does, with its XDG folders and home inside a
/// test workspace and a time limit, optionally on a pseudo-terminal.
/// </summary>
public static class TaskdeckProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static string RepositoryRootPath { get; } =
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    public static string ExecutablePath => BuiltTaskdeck.Path;

    /// <summary>Runs with stdin a pipe holding <paramref name="input"/> (empty: closed at once).</summary>
    public static Task<TaskdeckRun> RunAsync(
        TempWorkspace workspace,
        IEnumerable<string> args,
        string input = "",
        string? workingDirPath = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(workspace, ExecutablePath, args, input, workingDirPath, environment);

    public static Task<TaskdeckRun> RunAsync(TempWorkspace workspace, params string[] args) =>
        RunAsync(workspace, (IEnumerable<string>)args);

    /// <summary>
    /// Runs another program (a shell, say) with the same workspace folders, environment and time
    /// limit as taskdeck gets, for tests of what taskdeck hands to other programs.
    /// </summary>
    public static Task<TaskdeckRun> RunProgramAsync(
        TempWorkspace workspace, string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(workspace, fileName, args, "", null, environment);

    /// <summary>Starts taskdeck without waiting for it, for tests that interrupt it.</summary>
    public static Process Start(TempWorkspace workspace, IEnumerable<string> args)
    {
        var process = Process.Start(CreateStartInfo(workspace, ExecutablePath, args, null, null))!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>
    /// Runs on a pseudo-terminal made by util-linux <c>script</c>: stdin, stdout and the
    /// controlling terminal are the terminal, and <paramref name="input"/> is typed into it.
    /// The output comes back with the terminal's line ends and echo.
    /// </summary>
    public static Task<TaskdeckRun> RunOnTerminalAsync(
        TempWorkspace workspace, IEnumerable<string> args, string input = "", string? workingDirPath = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = string.Join(' ', new[] { ExecutablePath }.Concat(args).Select(ShellText.Quote));
        return StartAsync(workspace, "script", ["--quiet", "--return", "--command", command, "/dev/null"], input, workingDirPath, environment);
    }

    private static ProcessStartInfo CreateStartInfo(
        TempWorkspace workspace, string fileName, IEnumerable<string> args, string? workingDirPath,
        IReadOnlyDictionary<string, string>? environment)
    {
        var homePath = workspace.PathOf("home");
        Directory.CreateDirectory(homePath);
        var startInfo = new ProcessStartInfo(fileName, args)
        {
            WorkingDirectory = workingDirPath ?? workspace.RootPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in workspace.XdgEnvironment)
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["HOME"] = homePath;
        startInfo.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static async Task<TaskdeckRun> StartAsync(
        TempWorkspace workspace, string fileName, IEnumerable<string> args, string input, string? workingDirPath,
        IReadOnlyDictionary<string, string>? environment)
    {
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(CreateStartInfo(workspace, fileName, args, workingDirPath, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', args)}' did not finish within {DefaultTimeout.TotalSeconds} s.");
        }

        return new TaskdeckRun(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
    }
}
