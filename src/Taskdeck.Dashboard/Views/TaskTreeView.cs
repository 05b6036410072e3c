using Taskdeck.Dashboard.Details;
using Taskdeck.Dashboard.Model;
using Taskdeck.Dashboard.Rendering;

namespace Taskdeck.Dashboard.Views;

/// <summary>The project → group → task tree: the rows in view, the cursor's row inverted.</summary>
internal sealed class TaskTreeView(DashboardModel model, TimeProvider time, string globalConfigFilePath) : LineView
{
    protected override IEnumerable<(StyledLine Line, bool IsSelected)> LinesFor(int width, int height)
    {
        if (model.Projects.Count == 0)
        {
            foreach (var text in DetailPages.EmptyState(globalConfigFilePath))
            {
                yield return (new StyledLine().Add("  " + text, Tone.Plain, width).PadTo(width), false);
            }

            yield break;
        }

        model.ViewportHeight = height;
        var now = time.GetUtcNow();
        var rows = model.Rows;
        var end = Math.Min(model.TopIndex + height, rows.Count);
        for (var index = model.TopIndex; index < end; index++)
        {
            yield return (RowFormatter.Format(rows[index], width, now), index == model.CursorIndex);
        }
    }
}
