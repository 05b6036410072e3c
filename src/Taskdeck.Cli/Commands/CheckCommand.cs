using System.CommandLine;
using System.Text;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Platform;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Tasks;
using Taskdeck.Core.Text;

namespace Taskdeck.Cli.Commands;

/// <summary>
/// <c>taskdeck check [PATH]</c>: explains one project step by step (file, provider, trust, one
/// timed run, what it printed and what was wrong), for whoever is writing or fixing a provider.
/// </summary>
internal static class CheckCommand
{
    private static readonly Argument<string?> Path = new("PATH")
    {
        Description = "A folder inside the project (default: the current folder)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create()
    {
        var command = new Command("check", "Explain one project: its file, provider, trust, and one timed run");
        command.Arguments.Add(Path);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult, (services, token) => ExecuteAsync(services, parseResult.GetValue(Path), token), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(TaskdeckServices services, string? path, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        var startDirPath = FileSystemPaths.RealPath(path ?? Environment.CurrentDirectory);
        if (startDirPath is null || !Directory.Exists(startDirPath))
        {
            throw new UsageException($"'{path}' does not exist or is not a folder.");
        }

        var projects = await services.FindProjectsAsync([startDirPath], cancellationToken);
        if (projects.Count == 0)
        {
            output.WriteLine($"file      no {ProjectFile.FileName} or {ProjectFile.NaviFileName} in {startDirPath} or above it.");
            output.WriteLine($"          Create {System.IO.Path.Combine(startDirPath, ProjectFile.FileName)} with, for example:");
            output.WriteLine("            tasks:");
            output.WriteLine("              provider: markdown-tasks");
            return ExitCodes.ProjectFailed;
        }

        var project = projects[0];
        output.WriteLine($"project   {TerminalText.SingleLine(project.Name)}");
        output.WriteLine($"folder    {project.DirPath}");
        output.WriteLine($"file      {project.ConfigFilePath ?? "none (the global default provider applies)"}");
        if (project.ConfigError is { } configError)
        {
            output.WriteLine($"problem   {configError}");
            return ExitCodes.ProjectFailed;
        }

        var settings = project.Settings!;
        output.WriteLine($"provider  {TerminalText.SingleLine(settings.Provider)}");
        foreach (var (key, value) in settings.Args)
        {
            output.WriteLine($"arg       {TerminalText.SingleLine(key)} = {TerminalText.SingleLine(value)}  (TASKDECK_ARG_{ProviderEnvironment.VariableSuffix(key)})");
        }

        output.WriteLine($"interval  {Duration.Format(project.Interval)}");
        output.WriteLine($"timeout   {Duration.Format(project.Timeout)}");

        var (provider, failure) = services.Runner.Prepare(project);
        if (provider is not null)
        {
            output.WriteLine($"resolved  {Describe(provider)}");
            WriteTrust(services, project, provider, output);
        }

        if (failure is not null)
        {
            output.WriteLine($"problem   {failure.Kind.ToWireName()}: {TerminalText.MultiLine(failure.Message)}");
            return ExitCodes.ProjectFailed;
        }

        var run = await services.Runner.ExecuteAsync(project, provider!, cancellationToken);
        output.WriteLine($"run       {run.Duration.TotalMilliseconds:0} ms, {(run.ExitCode is { } code ? $"exit code {code}" : "no exit code")}, {run.StdoutBytes} bytes on stdout");
        if (run.Stderr.Length > 0)
        {
            output.WriteLine("stderr    (last lines)");
            foreach (var line in LastLines(run.Stderr, 15))
            {
                output.WriteLine($"  | {TerminalText.SingleLine(line)}");
            }
        }

        if (run.Outcome.Tasks is { } tasks)
        {
            var shown = tasks.WithStatusMap(project.StatusMap);
            var categories = shown.AllTasks.GroupBy(task => task.Category()).OrderBy(group => group.Key)
                .Select(group => $"{group.Count()} {group.Key.ToWireName()}");
            output.WriteLine($"result    ok: {shown.Groups.Length} groups, {shown.AllTasks.Count()} tasks ({string.Join(", ", categories)})");
            return ExitCodes.Success;
        }

        var runFailure = run.Outcome.Failure!;
        output.WriteLine($"problem   {runFailure.Kind.ToWireName()}: {TerminalText.MultiLine(runFailure.Message)}");
        WriteProblems(runFailure, output);
        if (runFailure.Kind is FailureKind.Parse or FailureKind.Invalid && !run.Stdout.IsEmpty)
        {
            output.WriteLine("stdout    (first lines)");
            var text = Encoding.UTF8.GetString(run.Stdout.Span[..Math.Min(run.Stdout.Length, 4096)]);
            foreach (var line in text.Split('\n').Take(15))
            {
                output.WriteLine($"  | {TerminalText.SingleLine(line)}");
            }
        }

        return ExitCodes.ProjectFailed;
    }

    /// <summary>Every schema problem of an invalid output, not only the first that the message names.</summary>
    private static void WriteProblems(RunFailure failure, TextWriter output)
    {
        if (failure.Problems.IsEmpty)
        {
            return;
        }

        var shown = failure.Problems.Length;
        output.WriteLine(failure.ProblemCount > shown
            ? $"problems  {failure.ProblemCount} in all, the first {shown}:"
            : $"problems  {failure.ProblemCount} in all:");
        foreach (var problem in failure.Problems)
        {
            output.WriteLine($"  - {TerminalText.SingleLine(problem.ToString())}");
        }

        if (failure.ProblemCount > shown)
        {
            output.WriteLine($"  - and {failure.ProblemCount - shown} more");
        }
    }

    private static void WriteTrust(TaskdeckServices services, Project project, ResolvedProvider provider, TextWriter output)
    {
        if (!provider.NeedsTrust)
        {
            output.WriteLine("trust     not needed (built-in providers and your providers folder are yours)");
            return;
        }

        var review = services.TrustStore.Review(project, provider);
        if (review.IsTrusted)
        {
            output.WriteLine("trust     trusted; the project file and script match what you trusted");
            return;
        }

        output.WriteLine($"trust     NOT TRUSTED: {(review.HasChanged ? "changed since you trusted it" : "never trusted")}");
        foreach (var line in review.Changes?.TrimEnd('\n').Split('\n') ?? [])
        {
            output.WriteLine($"  | {line}");
        }
    }

    internal static string Describe(ResolvedProvider provider) => provider.Kind switch
    {
        ProviderKind.BuiltIn => $"built-in provider {provider.Name}",
        ProviderKind.UserFolder => $"{provider.ExecutablePath} (your providers folder)",
        ProviderKind.ProjectScript => $"{provider.ExecutablePath} (a script inside the project)",
        _ => $"{provider.ExecutablePath} (an absolute path)",
    };

    private static IEnumerable<string> LastLines(string text, int count)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return lines.Skip(Math.Max(0, lines.Length - count));
    }
}
