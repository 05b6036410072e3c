using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;
using Taskdeck.Core.Text;

namespace Taskdeck.Cli.Output;

/// <summary>
/// <c>taskdeck list --format summary</c>: one short line per project, such as
/// <c>shop 3▶ 1✖ 12✔</c>, for a tmux status line or a shell prompt. Categories with no task are
/// left out; a project whose latest run failed ends with <c>!KIND</c>.
/// </summary>
internal static class ListSummaryWriter
{
    // Dropped tasks are left out: a prompt has room only for what still matters.
    private static readonly (StatusCategory Category, string Symbol)[] Shown =
    [
        (StatusCategory.Active, "▶"),
        (StatusCategory.Review, "◆"),
        (StatusCategory.Blocked, "✖"),
        (StatusCategory.Todo, "○"),
        (StatusCategory.Done, "✔"),
    ];

    public static void Write(TextWriter output, IReadOnlyList<ProjectResult> results)
    {
        foreach (var result in results)
        {
            output.WriteLine(LineFor(result));
        }
    }

    public static string LineFor(ProjectResult result)
    {
        var parts = new List<string> { TerminalText.SingleLine(result.Project.Name).Replace(' ', '_') };
        if (result.ShownTasks is { } tasks)
        {
            var counts = CategoryCounts.Of(tasks);
            parts.AddRange(Shown.Where(shown => counts[shown.Category] > 0)
                .Select(shown => $"{counts[shown.Category]}{shown.Symbol}"));
            if (counts.Total == 0)
            {
                parts.Add("0");
            }
        }

        if (result.Failure is { } failure)
        {
            parts.Add($"!{failure.Kind.ToWireName()}");
        }
        else if (result.ShownTasks is null)
        {
            // Nothing fetched yet (`--cached` before the first run).
            parts.Add("?");
        }

        return string.Join(' ', parts);
    }
}
