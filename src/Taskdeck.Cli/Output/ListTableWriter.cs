using Spectre.Console;
using Spectre.Console.Rendering;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;
using Taskdeck.Core.Text;

namespace Taskdeck.Cli.Output;

/// <summary>
/// The human table of <c>taskdeck list</c>: one block per project, then its groups and tasks.
/// Everything a provider printed passes through <see cref="TerminalText"/> first. With
/// <c>changedOnly</c> (<c>list --changed</c>) only changed projects, groups and tasks are shown.
/// </summary>
internal static class ListTableWriter
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ProjectResult> results, DateTimeOffset now, bool changedOnly = false)
    {
        var table = new Table { Border = TableBorder.Simple, ShowRowSeparators = false };
        table.AddColumn(new TableColumn("PROJECT").NoWrap());
        table.AddColumn(new TableColumn("ID").NoWrap());
        table.AddColumn(new TableColumn("TITLE"));
        table.AddColumn(new TableColumn("STATUS").NoWrap());
        table.AddColumn(new TableColumn("DONE").NoWrap().RightAligned());

        foreach (var result in results)
        {
            if (!changedOnly || ChangedTasks.IsProjectShown(result))
            {
                AddProject(table, result, now, changedOnly ? ChangedTasks.Of(result) : null);
            }
        }

        console.Write(table);
    }

    private static void AddProject(Table table, ProjectResult result, DateTimeOffset now, ChangedTasks? onlyChanged)
    {
        var tasks = result.ShownTasks;
        var progress = tasks?.Progress();
        var state = result.State switch
        {
            ProjectState.Ok => new Text("ok", new Style(Color.Green)),
            ProjectState.Stale => new Text(result.FetchedAt is { } fetchedAt ? $"stale, {AgeText.Since(fetchedAt, now)}" : "not fetched yet", new Style(Color.Yellow)),
            ProjectState.Error => new Text("error", new Style(Color.Red)),
            _ => new Text("untrusted", new Style(Color.Red)),
        };
        table.AddRow(
            Cell(result.Project.Name, new Style(decoration: Decoration.Bold)),
            state,
            Cell(""),
            Cell(""),
            Cell(progress is { Total: > 0 } p ? $"{p.Done}/{p.Total}" : ""));

        if (result.Failure is { } failure)
        {
            var firstLine = TerminalText.SingleLine(failure.Message.Split('\n')[0]);
            table.AddRow(Cell(""), Cell(failure.Kind.ToWireName(), new Style(Color.Red)), Cell(firstLine, new Style(Color.Red)), Cell(""), Cell(""));

            // The end of stderr usually says why; the rest is in `taskdeck check`.
            if (failure.Stderr?.Split('\n').LastOrDefault(line => line.Trim().Length > 0) is { } lastStderrLine)
            {
                table.AddRow(Cell(""), Cell("stderr", new Style(Color.Grey)), Cell(lastStderrLine, new Style(Color.Grey)), Cell(""), Cell(""));
            }
        }

        var changedIds = result.Changes.StatusChanged.ToDictionary(change => change.TaskId, StringComparer.Ordinal);
        var addedIds = result.Changes.Added.ToHashSet(StringComparer.Ordinal);
        foreach (var group in tasks?.Groups ?? [])
        {
            if (onlyChanged is not null && !onlyChanged.Contains(group))
            {
                continue;
            }

            var groupProgress = group.Progress();
            table.AddRow(
                Cell(group.IsCurrent ? "  ▶" : ""),
                Cell(group.Id, new Style(decoration: Decoration.Bold)),
                Cell(group.Title, new Style(decoration: Decoration.Bold)),
                Cell(group.Status ?? group.Category().ToWireName(), StyleOf(group.Category())),
                Cell(groupProgress.Total > 0 ? $"{groupProgress.Done}/{groupProgress.Total}" : ""));

            foreach (var task in group.Tasks.Where(task => onlyChanged is null || onlyChanged.Contains(task)))
            {
                var marker = addedIds.Contains(task.Id) ? "+ "
                    : changedIds.ContainsKey(task.Id) ? "~ "
                    : "  ";
                var status = changedIds.TryGetValue(task.Id, out var change)
                    ? $"{change.OldStatus} → {task.Status}"
                    : task.Status;
                table.AddRow(Cell(""), Cell(marker + task.Id), Cell("  " + task.Title), Cell(status, StyleOf(task.Category())), Cell(""));
            }
        }

        if (result.Changes.Removed.Length > 0)
        {
            table.AddRow(Cell(""), Cell("- removed"), Cell(string.Join(", ", result.Changes.Removed)), Cell(""), Cell(""));
        }
    }

    private static IRenderable Cell(string text, Style? style = null) =>
        new Text(TerminalText.SingleLine(text), style ?? Style.Plain) { Overflow = Overflow.Ellipsis };

    private static Style StyleOf(StatusCategory category) => category switch
    {
        StatusCategory.Active => new Style(Color.Blue),
        StatusCategory.Review => new Style(Color.Magenta1),
        StatusCategory.Blocked => new Style(Color.Red),
        StatusCategory.Done => new Style(Color.Green),
        StatusCategory.Dropped => new Style(Color.Grey),
        _ => Style.Plain,
    };
}
