using System.CommandLine;
using System.Globalization;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Platform;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Text;
using Taskdeck.Core.Trust;

namespace Taskdeck.Cli.Commands;

/// <summary>
/// <c>taskdeck trust [PATH…]</c>, <c>taskdeck trust --list</c> and <c>taskdeck untrust [PATH…]</c>:
/// show what a project would run and record the user's yes, list the records, forget them.
/// </summary>
internal static class TrustCommand
{
    private static readonly Option<bool> Yes = new("--yes", "-y")
    {
        Description = "Trust without asking (needed when stdin is not a terminal); what will run is still shown",
    };

    private static readonly Option<bool> List = new("--list")
    {
        Description = "Show every trusted project and whether it still matches what was trusted",
    };

    public static Command Create()
    {
        var command = new Command("trust", "Show what a project's script runs and trust it, so Taskdeck may run it");
        command.Arguments.Add(CommonOptions.Paths);
        command.Options.Add(Yes);
        command.Options.Add(List);
        command.Validators.Add(result =>
        {
            if (result.GetValue(List) && result.GetValue(CommonOptions.Paths) is { Length: > 0 })
            {
                result.AddError("--list shows every record and takes no PATH; run 'taskdeck trust PATH' to trust a project.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            (services, token) => parseResult.GetValue(List)
                ? Task.FromResult(ListRecords(services, Console.Out))
                : TrustAsync(services, PathsOrCurrentFolder(parseResult), parseResult.GetValue(Yes), token),
            cancellationToken));
        return command;
    }

    public static Command CreateUntrust()
    {
        var command = new Command("untrust", "Forget that a project was trusted; its script no longer runs");
        command.Arguments.Add(CommonOptions.Paths);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            (services, _) => Task.FromResult(Untrust(services, PathsOrCurrentFolder(parseResult), Console.Out)),
            cancellationToken));
        return command;
    }

    private static string[] PathsOrCurrentFolder(ParseResult parseResult) =>
        parseResult.GetValue(CommonOptions.Paths) is { Length: > 0 } paths ? paths : [Environment.CurrentDirectory];

    private static async Task<int> TrustAsync(
        TaskdeckServices services, IReadOnlyList<string> paths, bool isPreApproved, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        var projects = await services.FindProjectsAsync(paths, cancellationToken);
        var exitCode = projects.Count == 0 ? ExitCodes.ProjectFailed : ExitCodes.Success;
        foreach (var project in projects)
        {
            if (project != projects[0])
            {
                output.WriteLine();
            }

            var outcome = await TrustOneAsync(services, project, isPreApproved, output, cancellationToken);
            exitCode = Math.Max(exitCode, outcome);
        }

        return exitCode;
    }

    private static async Task<int> TrustOneAsync(
        TaskdeckServices services, Project project, bool isPreApproved, TextWriter output, CancellationToken cancellationToken)
    {
        if (project.ConfigError is { } configError)
        {
            output.WriteLine($"Project '{Clean(project.Name)}' cannot be trusted while its file is broken: {TerminalText.MultiLine(configError.ToString())}");
            return ExitCodes.ProjectFailed;
        }

        var (provider, failure) = services.Runner.Resolver.Resolve(project);
        if (provider is null)
        {
            output.WriteLine($"Nothing to trust: {TerminalText.MultiLine(failure!.Message)}");
            return ExitCodes.ProjectFailed;
        }

        if (!provider.NeedsTrust)
        {
            output.WriteLine($"Project '{Clean(project.Name)}' runs {CheckCommand.Describe(provider)}, which needs no trust.");
            return ExitCodes.Success;
        }

        var review = services.TrustStore.Review(project, provider);
        if (review.IsTrusted)
        {
            output.WriteLine($"Project '{Clean(project.Name)}' is already trusted (since {Format(review.TrustedAt)}) and has not changed.");
            return ExitCodes.Success;
        }

        WriteReview(output, review);
        if (!isPreApproved)
        {
            if (Console.IsInputRedirected)
            {
                output.WriteLine($"Not trusted: stdin is not a terminal, so Taskdeck cannot ask. Read the above, then trust it without a question with: taskdeck trust --yes {ShellText.Quote(project.DirPath)}");
                return ExitCodes.Usage;
            }

            output.Write($"Trust project '{Clean(project.Name)}' and let Taskdeck run this script? [y/N] ");
            var answer = await Task.Run(Console.In.ReadLine, cancellationToken).WaitAsync(cancellationToken);
            if (answer?.Trim().ToLowerInvariant() is not ("y" or "yes"))
            {
                output.WriteLine($"Not trusted; project '{Clean(project.Name)}' stays untrusted and its script does not run.");
                return ExitCodes.ProjectFailed;
            }
        }

        try
        {
            services.TrustStore.Trust(review);
        }
        catch (InvalidOperationException exception)
        {
            output.WriteLine(exception.Message);
            return ExitCodes.ProjectFailed;
        }

        output.WriteLine($"Trusted project '{Clean(project.Name)}'. Taskdeck runs its script while the project file and the script stay as they are now.");
        return ExitCodes.Success;
    }

    private static void WriteReview(TextWriter output, TrustReview review)
    {
        var project = review.Project;
        output.WriteLine($"project   {Clean(project.Name)}");
        output.WriteLine($"folder    {Clean(project.DirPath)}");
        output.WriteLine($"file      {Clean(project.ConfigFilePath ?? "none (the global default provider applies)")}");
        output.WriteLine($"runs      {Clean(CheckCommand.Describe(review.Provider))}");
        foreach (var (key, value) in project.Settings!.Args)
        {
            output.WriteLine($"arg       {Clean(key)} = {Clean(value)}  (TASKDECK_ARG_{ProviderEnvironment.VariableSuffix(key)})");
        }

        if (review.HasChanged)
        {
            output.WriteLine($"changed   since you trusted it on {Format(review.TrustedAt)}:");
            WriteQuoted(output, review.Changes!.TrimEnd('\n').Split('\n'));
        }
        else
        {
            output.WriteLine($"script    the first {TrustStore.PreviewLineCount} lines:");
            WriteQuoted(output, review.ScriptPreview);
        }

        output.WriteLine("note      Trusting lets Taskdeck run this script, with your environment, on every refresh until the project file or the script changes. Files the script reads or runs are not checked.");
    }

    private static int ListRecords(TaskdeckServices services, TextWriter output)
    {
        var records = services.TrustStore.Records();
        if (records.Count == 0)
        {
            output.WriteLine($"No project is trusted yet (records: {services.TrustStore.FilePath}).");
            return ExitCodes.Success;
        }

        var finder = new ProjectFinder(services.Config);
        foreach (var record in records)
        {
            var dir = Clean(record.ProjectDirPath);
            output.WriteLine($"{dir}  (trusted {Format(record.TrustedAt)}, runs {Clean(record.Snapshot.Script.Path)})");
            var (state, details) = Verify(services, finder, record);
            output.WriteLine($"  {state}");
            WriteQuoted(output, details);
        }

        return ExitCodes.Success;
    }

    /// <summary>Whether a record still matches what its project would run now, and if not, why.</summary>
    private static (string State, IReadOnlyList<string> Details) Verify(TaskdeckServices services, ProjectFinder finder, TrustRecord record)
    {
        var dirPath = record.ProjectDirPath;
        var forget = $"forget it with: taskdeck untrust {ShellText.Quote(dirPath)}";
        if (!Directory.Exists(dirPath))
        {
            return ($"folder gone; {forget}", []);
        }

        var hasProjectFile = ProjectFinder.ProjectFilePathIn(dirPath) is not null;
        if (!hasProjectFile && record.Snapshot.ProjectFile is not null)
        {
            return ($"its project file is gone; {forget}", []);
        }

        var project = finder.FindAbove(dirPath, mayUseDefaultProvider: true);
        if (project is null || project.DirPath != dirPath)
        {
            return ($"no project here any more; {forget}", []);
        }

        if (project.ConfigError is { } configError)
        {
            return ($"its project file is broken now: {TerminalText.SingleLine(configError.ToString())}", []);
        }

        var (provider, failure) = services.Runner.Resolver.Resolve(project);
        if (provider is null)
        {
            return ($"its provider cannot run now: {TerminalText.SingleLine(failure!.Message)}", []);
        }

        if (!provider.NeedsTrust)
        {
            return ($"now runs {CheckCommand.Describe(provider)}, which needs no trust; {forget}", []);
        }

        var review = services.TrustStore.Review(project, provider);
        if (review.IsTrusted)
        {
            return ("matches: runs as trusted", []);
        }

        var changes = review.Changes?.TrimEnd('\n').Split('\n') ?? [];
        return ($"CHANGED: does not run until trusted again with: {TrustStore.TrustCommandFor(dirPath)}", changes);
    }

    private static int Untrust(TaskdeckServices services, IReadOnlyList<string> paths, TextWriter output)
    {
        var finder = new ProjectFinder(services.Config);
        var exitCode = ExitCodes.Success;
        foreach (var path in paths)
        {
            // A folder that is gone can still be forgotten by the path it had.
            var realPath = FileSystemPaths.RealPath(path);
            var project = realPath is not null && Directory.Exists(realPath) ? finder.FindAbove(realPath) : null;
            var dirPath = project?.DirPath ?? realPath ?? Path.GetFullPath(path);
            if (services.TrustStore.Untrust(dirPath))
            {
                output.WriteLine($"Project {ShellText.Quote(Clean(dirPath))} is no longer trusted; its script does not run until you trust it again.");
            }
            else if (project is not null)
            {
                output.WriteLine($"Project {ShellText.Quote(Clean(dirPath))} was not trusted; nothing to do.");
            }
            else
            {
                output.WriteLine($"No project and no trust record at '{Clean(path)}'; 'taskdeck trust --list' shows the trusted folders.");
                exitCode = ExitCodes.ProjectFailed;
            }
        }

        return exitCode;
    }

    private static void WriteQuoted(TextWriter output, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            output.WriteLine($"  | {line}");
        }
    }

    private static string Format(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown time";

    private static string Clean(string text) => TerminalText.SingleLine(text);
}
