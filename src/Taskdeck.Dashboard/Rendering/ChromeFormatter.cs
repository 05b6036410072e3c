using Taskdeck.Core.Tasks;
using Taskdeck.Dashboard.Model;

namespace Taskdeck.Dashboard.Rendering;

/// <summary>The lines around the tree: the two-line header, the status line and the key hints.</summary>
public static class ChromeFormatter
{
    private static readonly (string Key, string Label)[] TreeKeys =
    [
        ("j/k", "move"), ("J/K", "group"), ("space", "toggle"), ("enter", "detail"), ("/", "search"),
        ("s/S", "sort"), ("f", "filter"), ("e", "all"), ("r/R", "refresh"), ("o", "link"), ("t", "trust"),
    ];

    private static readonly (string Key, string Label)[] MatchKeys = [("n/N", "match"), ("esc", "clear")];

    private static readonly (string Key, string Label)[] SearchKeys =
        [("type", "to search"), ("enter", "keep"), ("esc", "clear"), ("↑/↓", "match"), ("ctrl-c", "quit")];

    private static readonly (string Key, string Label)[] PageKeys =
        [("j/k", "scroll"), ("space/b", "page"), ("g/G", "ends"), ("o", "link"), ("esc/q", "back")];

    private static readonly (string Key, string Label)[] TrustKeys =
        [("y", "trust and run"), ("n/esc", "cancel"), ("j/k", "scroll")];

    private static readonly (string Key, string Label)[] AlwaysKeys = [("?", "help"), ("q", "quit")];

    /// <summary>Line 1: projects, sort, filter and runs in flight. Line 2: tasks per category.</summary>
    public static (StyledLine First, StyledLine Second) Header(DashboardModel model, int runsInFlight, int width)
    {
        var sort = model.IsSortReversed ? $"{model.Sort.ToDisplayName()}, reversed" : model.Sort.ToDisplayName();
        var projects = model.Projects.Count == 1 ? "1 project" : $"{model.Projects.Count} projects";
        var right = runsInFlight > 0 ? $"refreshing {runsInFlight}/{model.Projects.Count}" : "";
        var first = new StyledLine()
            .Add(projects, Tone.Strong, width)
            .Add("  sort: ", Tone.Dim, width)
            .Add(sort, Tone.Plain, width)
            .Add("  filter: ", Tone.Dim, width)
            .Add(model.Filter.ToDisplayName(), Tone.Plain, width);
        AddRight(first, right, Tone.Running, width);

        var second = new StyledLine();
        foreach (var category in (StatusCategory[])[StatusCategory.Active, StatusCategory.Review,
            StatusCategory.Blocked, StatusCategory.Todo, StatusCategory.Done, StatusCategory.Dropped])
        {
            second.Add(second.Width == 0 ? "" : "  ")
                .Add($"{category.ToWireName()} ", Tone.Dim)
                .Add($"{model.Counts[category]}", RowFormatter.ToneOf(category));
        }

        var changed = model.UnseenChangeCount;
        var secondText = CellText.Fit(second.ToString(), width);
        var counts = secondText == second.ToString() ? second : new StyledLine().Add(secondText);
        AddRight(counts, changed > 0 ? $"●{changed} changed" : "", Tone.Changed, width);
        return (first, counts);
    }

    /// <summary>The line above the keys: a message, or the current search and where the cursor is among its matches.</summary>
    public static StyledLine Status(DashboardModel model, string? message, Tone messageTone, int width)
    {
        var line = new StyledLine();
        if (message is not null)
        {
            return line.Add(message, messageTone, width).PadTo(width);
        }

        if (model.IsSearching)
        {
            line.Add("/", Tone.Dim).Add(model.SearchText, Tone.Match, width - 1);
            var where = model.MatchCount == 0 ? "  no match"
                : model.CurrentMatchNumber > 0 ? $"  match {model.CurrentMatchNumber} of {model.MatchCount}"
                : $"  {model.MatchCount} matches";
            line.Add(where, Tone.Dim, width - line.Width);
        }

        return line.PadTo(width);
    }

    /// <summary>The keys that work in <paramref name="mode"/>, as many as fit, help and quit always last.</summary>
    public static StyledLine Keys(ScreenMode mode, bool isSearchActive, int width)
    {
        var keys = mode switch
        {
            ScreenMode.Searching => SearchKeys,
            ScreenMode.Page => PageKeys,
            ScreenMode.TrustPrompt => TrustKeys,
            _ when isSearchActive => [.. MatchKeys, .. TreeKeys],
            _ => TreeKeys,
        };
        var tail = mode is ScreenMode.Tree ? AlwaysKeys : [];
        var tailWidth = tail.Sum(pair => CellText.Width(Hint(pair)));

        var line = new StyledLine();
        foreach (var pair in keys)
        {
            if (line.Width + CellText.Width(Hint(pair)) + tailWidth > width)
            {
                break;
            }

            AddHint(line, pair);
        }

        foreach (var pair in tail)
        {
            if (line.Width + CellText.Width(Hint(pair)) <= width)
            {
                AddHint(line, pair);
            }
        }

        return line.PadTo(width);
    }

    private static string Hint((string Key, string Label) pair) => $"{pair.Key} {pair.Label}  ";

    private static void AddHint(StyledLine line, (string Key, string Label) pair) =>
        line.Add(pair.Key, Tone.Strong).Add($" {pair.Label}  ", Tone.Dim);

    private static void AddRight(StyledLine line, string text, Tone tone, int width)
    {
        var textWidth = CellText.Width(text);
        if (textWidth > 0 && line.Width + 2 + textWidth <= width)
        {
            line.PadTo(width - textWidth).Add(text, tone);
        }

        line.PadTo(width);
    }
}
