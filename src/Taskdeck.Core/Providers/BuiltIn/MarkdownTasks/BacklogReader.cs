using System.Collections.Immutable;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

/// <summary>
/// Turns a backlog folder into groups and tasks, following navi's <c>markdown-tasks.sh</c> so a
/// navi user sees the same backlog: one group <c>PBI-&lt;id&gt;</c> per backlog row, its tasks
/// from <c>&lt;id&gt;/tasks.md</c> and its title from the first line of <c>&lt;id&gt;/prd.md</c>.
/// </summary>
internal sealed class BacklogReader(BacklogFolder folder, IReadOnlySet<string>? statusFilter)
{
    public const string ExpectedBacklogHeader = "| ID | Actor | User Story | Status | Conditions of Satisfaction (CoS) |";

    public const string ExpectedTasksHeader = "| Task ID | Name | Status | Description |";

    /// <summary>Reads the backlog; an unusable <c>backlog.md</c> gives a failure instead.</summary>
    public ProviderOutcome Read(string projectName, CancellationToken cancellationToken)
    {
        var backlogText = folder.ReadAllText(folder.RelativeBacklogFilePath);
        var tables = MarkdownTable.ReadAll(backlogText);
        var backlog = tables.FirstOrDefault(table => BacklogColumns.From(table.Header) is not null);
        if (backlog is null)
        {
            var message = NoBacklogTableMessage(projectName, tables.FirstOrDefault());
            return ProviderOutcome.Failed(FailureKind.Invalid, message);
        }

        var columns = BacklogColumns.From(backlog.Header)!;
        var items = new List<(string Id, string Story, string Status)>(backlog.Rows.Count);
        foreach (var row in backlog.Rows)
        {
            var id = BacklogCells.PlainId(BacklogCells.At(row, columns.Id));
            var status = BacklogCells.At(row, columns.Status);
            if (id.Length > 0 && (statusFilter is null || statusFilter.Contains(status)))
            {
                items.Add((id, BacklogCells.At(row, columns.Story), status));
            }
        }

        var currentIndex = CurrentIndex(items.Select(item => item.Status).ToList());
        var groups = ImmutableArray.CreateBuilder<TaskGroup>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (id, story, status) = items[index];
            var prdPath = folder.FindReadable(id, "prd.md");
            groups.Add(new TaskGroup(
                $"PBI-{id}",
                prdPath is null ? story : TitleFromPrd(folder.FirstLine(prdPath), id, story),
                ReadTasks(id),
                status,
                IsCurrent: index == currentIndex,
                File: prdPath));
        }

        var current = currentIndex >= 0 ? groups[currentIndex] : null;
        return ProviderOutcome.Success(new TaskList(groups.MoveToImmutable(), current?.Id, current?.Title));
    }

    /// <summary>The first item in progress, else the first agreed one, else none (-1).</summary>
    private static int CurrentIndex(IReadOnlyList<string> statuses)
    {
        foreach (var wanted in (string[])["inprogress", "agreed"])
        {
            for (var index = 0; index < statuses.Count; index++)
            {
                if (StatusCategories.Normalize(statuses[index]) == wanted)
                {
                    return index;
                }
            }
        }

        return -1;
    }

    /// <summary>The heading of <c>prd.md</c> without <c># </c> and <c>PBI-&lt;id&gt;: </c>.</summary>
    private static string TitleFromPrd(string firstLine, string id, string story)
    {
        var title = firstLine.StartsWith("# ", StringComparison.Ordinal) ? firstLine[2..] : firstLine;
        var prefix = $"PBI-{id}: ";
        title = title.StartsWith(prefix, StringComparison.Ordinal) ? title[prefix.Length..] : title;

        // navi showed an empty title here; the story says more.
        return string.IsNullOrWhiteSpace(title) ? story : title;
    }

    private ImmutableArray<TaskItem> ReadTasks(string itemId)
    {
        if (folder.FindReadable(itemId, "tasks.md") is not { } tasksPath)
        {
            return [];
        }

        // Like navi, a tasks.md without a task table means no tasks rather than an error.
        var table = MarkdownTable.ReadAll(folder.ReadAllText(tasksPath))
            .FirstOrDefault(candidate => TaskColumns.From(candidate.Header) is not null);
        if (table is null)
        {
            return [];
        }

        var columns = TaskColumns.From(table.Header)!;
        var tasks = ImmutableArray.CreateBuilder<TaskItem>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var id = BacklogCells.PlainId(BacklogCells.At(row, columns.Id));
            if (id.Length == 0)
            {
                continue;
            }

            tasks.Add(new TaskItem(
                id,
                BacklogCells.LinkTextOrSelf(BacklogCells.At(row, columns.Name)),
                BacklogCells.At(row, columns.Status),
                File: folder.Find(itemId, $"{id}.md")));
        }

        return tasks.ToImmutable();
    }

    private string NoBacklogTableMessage(string projectName, MarkdownTable? firstTable)
    {
        var found = firstTable is null
            ? "it has no table at all (lines starting with '|')"
            : $"its first table, at line {firstTable.Line}, has the header '| {string.Join(" | ", firstTable.Header)} |'";
        return $"Project '{projectName}': {folder.RelativeBacklogFilePath} has no backlog table, so markdown-tasks found no items; {found}. The backlog table needs a header row that holds ID, User Story and Status, such as:\n{ExpectedBacklogHeader}";
    }

    private sealed record BacklogColumns(int Id, int Story, int Status)
    {
        public static BacklogColumns? From(IReadOnlyList<string> header)
        {
            var columns = new BacklogColumns(
                BacklogCells.ColumnOf(header, "ID"),
                BacklogCells.ColumnOf(header, "User Story"),
                BacklogCells.ColumnOf(header, "Status"));
            return columns is { Id: >= 0, Story: >= 0, Status: >= 0 } ? columns : null;
        }
    }

    private sealed record TaskColumns(int Id, int Name, int Status)
    {
        public static TaskColumns? From(IReadOnlyList<string> header)
        {
            var id = BacklogCells.ColumnOf(header, "Task ID");
            var status = BacklogCells.ColumnOf(header, "Status");
            if (id < 0 || status < 0)
            {
                return null;
            }

            // The name is the column called so, else the one after the id, as navi read it.
            var name = BacklogCells.ColumnOf(header, "Name");
            return new TaskColumns(id, name >= 0 ? name : id + 1, status);
        }
    }
}
