using System.Globalization;
using System.Text;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Platform;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;
using Taskdeck.Core.Text;
using Taskdeck.Core.Trust;

namespace Taskdeck.Dashboard.Details;

/// <summary>
/// The text of the full-screen pages: a task's detail with its file, a project's state with the
/// whole error, help, the trust review and the empty state. Everything a provider or a project
/// file supplied is made safe for the terminal here.
/// </summary>
public static class DetailPages
{
    /// <summary>The most of a task's file that is shown; the rest is cut.</summary>
    public const int MaxFileBytes = 256 * 1024;

    public static Page ForTask(ProjectResult result, TaskGroup group, TaskItem task)
    {
        var lines = new List<string>();
        Field(lines, "project", result.Project.Name);
        Field(lines, "group", $"{group.Id} {group.Title}");
        Field(lines, "id", task.Id);
        Field(lines, "title", task.Title);
        Field(lines, "status", $"{task.Status} ({task.Category().ToWireName()})");
        if (result.Changes.StatusChanged.FirstOrDefault(change => change.TaskId == task.Id) is { } change)
        {
            Field(lines, "changed", $"{change.OldStatus} → {change.NewStatus}");
        }
        else if (result.Changes.Added.Contains(task.Id))
        {
            Field(lines, "changed", "new in the latest result");
        }

        Field(lines, "assignee", task.Assignee);
        Field(lines, "labels", task.Labels.Length > 0 ? string.Join(", ", task.Labels) : null);
        Field(lines, "priority", task.Priority?.ToString(CultureInfo.InvariantCulture));
        Field(lines, "url", task.Url);
        Field(lines, "created", Date(task.Created));
        Field(lines, "updated", Date(task.Updated));
        Field(lines, "file", task.File);
        if (task.File is { } file)
        {
            lines.Add("");
            lines.Add($"── {TerminalText.SingleLine(file)} ──");
            lines.AddRange(ReadProjectFile(result.Project, file));
        }

        return new Page($"{TerminalText.SingleLine(task.Id)} {TerminalText.SingleLine(task.Title)}", lines, task.Url);
    }

    public static Page ForProject(ProjectResult result, DateTimeOffset now)
    {
        var project = result.Project;
        var lines = new List<string>();
        Field(lines, "project", project.Name);
        Field(lines, "folder", project.DirPath);
        Field(lines, "file", project.ConfigFilePath ?? "none (the global default provider applies)");
        Field(lines, "provider", project.ProviderName);
        Field(lines, "state", result.State.ToWireName());
        Field(lines, "fetched", result.FetchedAt is { } fetchedAt
            ? $"{Date(fetchedAt)} ({Rendering.RowFormatter.Age(fetchedAt, now)} ago)"
            : "never");
        Field(lines, "took", result.Duration is { } duration ? $"{duration.TotalMilliseconds:0} ms" : null);
        if (result.Changes.Removed.Length > 0)
        {
            Field(lines, "removed", string.Join(", ", result.Changes.Removed));
        }

        if (result.Failure is { } failure)
        {
            lines.Add("");
            lines.Add($"── {failure.Kind.ToWireName()} ──");
            lines.AddRange(SplitLines(TerminalText.MultiLine(failure.Message)));
            if (!string.IsNullOrEmpty(failure.Stderr))
            {
                lines.Add("");
                lines.Add("── stderr (last part) ──");
                lines.AddRange(SplitLines(TerminalText.MultiLine(failure.Stderr)));
            }
        }

        if (result.State == ProjectState.Untrusted)
        {
            lines.Add("");
            lines.Add("Press Esc, then t on this project to review what would run and trust it.");
        }

        return new Page(TerminalText.SingleLine(project.Name), lines, null);
    }

    public static Page ForTrust(TrustReview review)
    {
        var lines = new List<string>
        {
            $"Project '{TerminalText.SingleLine(review.Project.Name)}' asks Taskdeck to run this program, as you, on every refresh:",
            "",
            $"    {TerminalText.SingleLine(review.Provider.Description)}",
            "",
        };
        if (review.Changes is { } changes)
        {
            lines.Add("── what changed since you last trusted it ──");
            lines.AddRange(SplitLines(TerminalText.MultiLine(changes)));
            lines.Add("");
        }
        else if (!review.IsTrusted)
        {
            lines.Add("You have not trusted this project before.");
            lines.Add("");
        }

        if (review.ScriptPreview.Count > 0)
        {
            lines.Add("── the start of the script ──");
            lines.AddRange(review.ScriptPreview.Select(TerminalText.SingleLine));
            lines.Add("");
        }

        lines.Add("Trust it and run it now? Press y to trust, n or Esc to leave it untrusted.");
        return new Page($"Trust {TerminalText.SingleLine(review.Project.Name)}?", lines, null);
    }

    public static Page Help { get; } = new("Keys",
    [
        "j k ↓ ↑         move (wraps around)",
        "J K             next / previous group or project",
        "g G             first / last row",
        "PgDn PgUp       a page down / up",
        "space           open or close the project or group (on a task: close its group)",
        "enter           open or close a group; on a task or an error: its detail",
        "o               open the task's or group's link in the browser (http and https only)",
        "/               search; every key types; enter keeps the search, esc clears it",
        "n N             next / previous match, across projects",
        "esc             clear the search",
        "s S             cycle the sort (source, status, name, progress) / reverse it",
        "f               cycle the filter (all, active, incomplete)",
        "e               open everything, or close every group",
        "r R             refresh the selected project / every project now",
        "t               review and trust the selected project's script",
        "?               this help",
        "q ctrl-c        quit (stops every running provider)",
        "",
        "Marks: + a new task, ~ a task whose status changed; they go once the cursor has been on it.",
        "       ●N after a project: N changed tasks not yet seen.",
    ], null);

    public static IReadOnlyList<string> EmptyState(string globalConfigFilePath) =>
    [
        "No projects here yet.",
        "",
        "Taskdeck shows the tasks of every folder that holds a .taskdeck.yaml.",
        "To add a project, create that file in its folder, for example:",
        "",
        "    tasks:",
        "      provider: markdown-tasks",
        "",
        "Then run taskdeck in that folder, pass folders on the command line",
        "(taskdeck ~/code/shop ~/code/blog), or list them under 'projects:' in",
        $"{globalConfigFilePath}.",
        "",
        "Press q to quit.",
    ];

    /// <summary>The lines of a file the provider named, if it really lies inside the project.</summary>
    public static IReadOnlyList<string> ReadProjectFile(Project project, string relativePath)
    {
        if (FileSystemPaths.ResolveInside(project.DirPath, relativePath) is not { } path)
        {
            return ["(not shown: the path leaves the project folder)"];
        }

        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[Math.Min(stream.Length, MaxFileBytes)];
            stream.ReadExactly(buffer);
            if (buffer.AsSpan().Contains((byte)0))
            {
                return ["(not shown: a binary file)"];
            }

            var lines = SplitLines(TerminalText.MultiLine(Encoding.UTF8.GetString(buffer)));
            return stream.Length > MaxFileBytes ? [.. lines, $"(cut after {MaxFileBytes / 1024} KiB)"] : lines;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [$"(cannot read it: {exception.Message})"];
        }
    }

    private static void Field(List<string> lines, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            lines.Add($"{name,-9} {TerminalText.SingleLine(value)}");
        }
    }

    private static string? Date(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static List<string> SplitLines(string text) =>
        [.. text.TrimEnd('\n').Split('\n').Select(line => line.Replace("\t", "    ", StringComparison.Ordinal))];
}
