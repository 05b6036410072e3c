using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;
using Taskdeck.Core.Text;
using Taskdeck.Dashboard.Model;

namespace Taskdeck.Dashboard.Rendering;

/// <summary>
/// Turns a tree row into one line of exactly the given width: indentation, title, then status,
/// progress bar and count in fixed columns on the right. Provider text is made safe first.
/// </summary>
public static class RowFormatter
{
    public const int BarWidth = 10;
    private const int CountWidth = 7;
    private const int WideStatusWidth = 12;
    private const int NarrowStatusWidth = 10;

    public static StyledLine Format(DashboardRow row, int width, DateTimeOffset now)
    {
        var layout = Columns.For(width);
        return row.Kind switch
        {
            RowKind.Project => FormatProject(row, layout, now),
            RowKind.Group => FormatGroup(row, layout),
            RowKind.Task => FormatTask(row, layout),
            _ => FormatNotice(row, width),
        };
    }

    /// <summary>The first line of a failure message, safe to print.</summary>
    public static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return TerminalText.SingleLine(newline < 0 ? message : message[..newline]);
    }

    /// <summary>"12s", "5m", "3h", "2d": a result's age in the fewest characters.</summary>
    public static string Age(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        return age switch
        {
            { TotalSeconds: < 60 } => $"{Math.Max((int)age.TotalSeconds, 0)}s",
            { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes}m",
            { TotalHours: < 48 } => $"{(int)age.TotalHours}h",
            _ => $"{(int)age.TotalDays}d",
        };
    }

    public static Tone ToneOf(StatusCategory category) => category switch
    {
        StatusCategory.Active => Tone.Active,
        StatusCategory.Review => Tone.Review,
        StatusCategory.Blocked => Tone.Blocked,
        StatusCategory.Done => Tone.Done,
        StatusCategory.Dropped => Tone.Dropped,
        _ => Tone.Todo,
    };

    private static StyledLine FormatProject(DashboardRow row, Columns layout, DateTimeOffset now)
    {
        var slot = row.Slot;
        var line = new StyledLine()
            .Add(row.IsExpanded ? "▾ " : "▸ ", Tone.Dim)
            .Add(TerminalText.SingleLine(slot.Project.Name), row.IsMatch ? Tone.Match : Tone.Strong, layout.TitleEnd - 2);
        if (slot.UnseenChangeCount > 0)
        {
            line.Add($" ●{slot.UnseenChangeCount}", Tone.Changed, layout.TitleEnd - line.Width);
        }

        var (state, tone) = StateOf(slot, now);
        var progress = slot.Result.ShownTasks?.Progress() ?? default;
        return AddRightColumns(line, layout, state, tone, progress);
    }

    private static (string Text, Tone Tone) StateOf(ProjectSlot slot, DateTimeOffset now)
    {
        var result = slot.Result;
        if (slot.IsRunning)
        {
            return ("⟳ running", Tone.Running);
        }

        return result.State switch
        {
            ProjectState.Untrusted => ("untrusted", Tone.Untrusted),
            ProjectState.Error => ("error", Tone.Error),
            ProjectState.Stale when result.FetchedAt is { } fetchedAt => ($"stale {Age(fetchedAt, now)}", Tone.Stale),
            ProjectState.Stale => ("not run yet", Tone.Dim),
            _ => (result.FetchedAt is { } fetchedAt ? Age(fetchedAt, now) : "", Tone.Dim),
        };
    }

    private static StyledLine FormatGroup(DashboardRow row, Columns layout)
    {
        var group = row.Group!;
        var line = new StyledLine().Add(row.IsExpanded ? "  ▾ " : "  ▸ ", Tone.Dim);

        // A flat task list becomes one group whose id and title are both the project's name.
        if (group.Id != group.Title)
        {
            line.Add(TerminalText.SingleLine(group.Id), Tone.Dim, layout.TitleEnd - 4).Add(" ");
        }

        line.Add(
            TerminalText.SingleLine(group.Title),
            row.IsMatch ? Tone.Match : group.IsCurrent ? Tone.Strong : Tone.Plain,
            layout.TitleEnd - line.Width);
        var category = group.Category();
        var status = string.IsNullOrWhiteSpace(group.Status) ? category.ToWireName() : TerminalText.SingleLine(group.Status);
        return AddRightColumns(line, layout, status, ToneOf(category), group.Progress());
    }

    private static StyledLine FormatTask(DashboardRow row, Columns layout)
    {
        var task = row.Task!;
        var (mark, markTone) = row.Slot.MarkOf(task.Id) switch
        {
            ChangeMark.Added => ("+ ", Tone.Changed),
            ChangeMark.StatusChanged => ("~ ", Tone.Changed),
            _ => ("  ", Tone.Plain),
        };
        var line = new StyledLine()
            .Add("    ")
            .Add(mark, markTone)
            .Add(TerminalText.SingleLine(task.Id), Tone.Dim, layout.TitleEnd - 6);
        line.Add(" ").Add(TerminalText.SingleLine(task.Title), row.IsMatch ? Tone.Match : Tone.Plain, layout.TitleEnd - line.Width);
        return AddRightColumns(line, layout, TerminalText.SingleLine(task.Status), ToneOf(task.Category()), progress: null);
    }

    private static StyledLine FormatNotice(DashboardRow row, int width)
    {
        var result = row.Slot.Result;
        var (text, tone) = row.Notice switch
        {
            NoticeKind.Error => ($"✗ {result.Failure!.Kind.ToWireName()}: {FirstLine(result.Failure.Message)}", Tone.Error),
            NoticeKind.Untrusted => ("untrusted: press t to review what would run and trust it", Tone.Untrusted),
            NoticeKind.Waiting => ("waiting for the first result…", Tone.Dim),
            _ => ("no tasks", Tone.Dim),
        };
        return new StyledLine().Add("    ").Add(text, tone, width - 4).PadTo(width);
    }

    private static StyledLine AddRightColumns(StyledLine line, Columns layout, string status, Tone statusTone, Progress? progress)
    {
        if (layout.StatusWidth == 0)
        {
            return line.PadTo(layout.Width);
        }

        line.PadTo(layout.TitleEnd + 1);
        line.Add(CellText.PadRight(status, layout.StatusWidth), statusTone);

        if (layout.HasBar)
        {
            line.Add(" ").Add(progress is { } bar ? ProgressBar.Bar(bar, BarWidth) : new string(' ', BarWidth), Tone.Done);
        }

        if (layout.HasCount)
        {
            line.Add(" ").Add(CellText.PadLeft(progress is { } count ? ProgressBar.Count(count) : "", CountWidth), Tone.Dim);
        }

        return line.PadTo(layout.Width);
    }

    /// <summary>Where the title ends and which right-hand columns fit at a given width.</summary>
    private readonly record struct Columns(int Width, int TitleEnd, int StatusWidth, bool HasBar, bool HasCount)
    {
        public static Columns For(int width)
        {
            if (width >= 60)
            {
                return new(width, width - (1 + WideStatusWidth + 1 + BarWidth + 1 + CountWidth), WideStatusWidth, true, true);
            }

            if (width >= 36)
            {
                return new(width, width - (1 + NarrowStatusWidth + 1 + CountWidth), NarrowStatusWidth, false, true);
            }

            return new(width, width, 0, false, false);
        }
    }
}
