using System.CommandLine;
using Taskdeck.Cli.Output;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Refresh;

namespace Taskdeck.Cli.Commands;

/// <summary><c>taskdeck list</c>: every project's tasks as a table or as JSON.</summary>
internal static class ListCommand
{
    private static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the versioned JSON document instead of a table (the same as --format json)",
    };

    private static readonly Option<ListFormat?> Format = new("--format")
    {
        Description = "table, json, or summary: one short line per project for a status line or prompt",
        HelpName = "table|json|summary",
        CustomParser = result => result.Tokens[0].Value switch
        {
            "table" => ListFormat.Table,
            "json" => ListFormat.Json,
            "summary" => ListFormat.Summary,
            var other => Refuse(result, other),
        },
    };

    private static readonly Option<bool> Changed = new("--changed")
    {
        Description = "Show only projects and tasks that changed in their latest refresh",
    };

    public static Command Create()
    {
        var command = new Command("list", "Show every project's tasks as a table, or as JSON with --json");
        command.Arguments.Add(CommonOptions.Paths);
        command.Options.Add(Json);
        command.Options.Add(Format);
        command.Options.Add(Changed);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Json) && result.GetValue(Format) is { } format && format != ListFormat.Json)
            {
                result.AddError($"--json and --format {format.ToString().ToLowerInvariant()} contradict each other; choose one.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, (services, token) => ShowAsync(
                services, parseResult.GetValue(CommonOptions.Paths) ?? [],
                parseResult.GetValue(Json) ? ListFormat.Json : parseResult.GetValue(Format) ?? ListFormat.Table,
                parseResult.GetValue(Changed), token), cancellationToken));
        return command;
    }

    /// <summary>Refreshes the projects found from <paramref name="paths"/> and prints them as a table.</summary>
    public static Task<int> ShowTableAsync(TaskdeckServices services, IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        ShowAsync(services, paths, ListFormat.Table, changedOnly: false, cancellationToken);

    /// <summary>
    /// Refreshes the projects found from <paramref name="paths"/> and prints them, all of them or
    /// (<paramref name="changedOnly"/>) only what their latest refresh changed.
    /// </summary>
    public static async Task<int> ShowAsync(
        TaskdeckServices services, IReadOnlyList<string> paths, ListFormat format, bool changedOnly, CancellationToken cancellationToken)
    {
        var projects = await services.FindProjectsAsync(paths, cancellationToken);
        var results = await services.Engine.RefreshAllAsync(projects, services.Mode, cancellationToken);

        if (format == ListFormat.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            ListJsonWriter.Write(stdout, results, changedOnly);
        }
        else if (format == ListFormat.Summary)
        {
            ListSummaryWriter.Write(Console.Out, changedOnly ? [.. results.Where(ChangedTasks.IsProjectShown)] : results);
        }
        else if (results.Count == 0)
        {
            services.ErrorOutput.WriteLine("No projects found. Add a .taskdeck.yaml to a project folder, or list folders under 'projects' in the global config.");
        }
        else if (changedOnly && !results.Any(ChangedTasks.IsProjectShown))
        {
            Console.WriteLine($"Nothing changed in the latest refresh of {results.Count} projects.");
        }
        else
        {
            ListTableWriter.Write(ConsoleFactory.ForStdout(), results, services.Time.GetUtcNow(), changedOnly);
            TrustHint.WriteFor(results, services.ErrorOutput);
        }

        // 0 only when every project gave its tasks: a project with nothing cached under --cached
        // gave none, though nothing failed.
        return results.Any(result => result.Failure is not null || result.Tasks is null)
            ? ExitCodes.ProjectFailed
            : ExitCodes.Success;
    }

    private static ListFormat Refuse(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"--format is '{value}'; choose table, json or summary.");
        return ListFormat.Table;
    }
}
