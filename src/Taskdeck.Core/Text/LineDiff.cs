using System.Globalization;
using System.Text;

namespace Taskdeck.Core.Text;

/// <summary>
/// A unified diff of two texts, line by line, small enough to read on a terminal: what changed in
/// a project file or script since the user trusted it.
/// </summary>
public static class LineDiff
{
    /// <summary>Lines of unchanged context shown around each change.</summary>
    public const int ContextLines = 3;

    /// <summary>Above this many compared line pairs, the diff is summarised instead of computed.</summary>
    private const long MaxComparedCells = 4_000_000;

    /// <summary>
    /// The diff from <paramref name="oldText"/> to <paramref name="newText"/> with <c>---</c>/<c>+++</c>
    /// headers and <c>@@</c> hunks, at most <paramref name="maxLines"/> lines long; empty when the
    /// texts have the same lines.
    /// </summary>
    public static string Unified(string oldText, string newText, string oldLabel, string newLabel, int maxLines = 200)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var edits = Edits(oldLines, newLines);
        if (edits is null)
        {
            return $"--- {oldLabel}\n+++ {newLabel}\n(too large to compare line by line: {oldLines.Length} lines before, {newLines.Length} after)\n";
        }

        if (edits.All(edit => edit.Kind == EditKind.Same))
        {
            return "";
        }

        var output = new List<string> { $"--- {oldLabel}", $"+++ {newLabel}" };
        foreach (var hunk in Hunks(edits))
        {
            output.AddRange(hunk);
        }

        var builder = new StringBuilder();
        foreach (var line in output.Take(maxLines))
        {
            builder.Append(line).Append('\n');
        }

        if (output.Count > maxLines)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… {output.Count - maxLines} more lines of diff not shown\n");
        }

        return builder.ToString();
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        // A final newline ends the last line; it does not start an empty one.
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>The shortest edit script by longest common subsequence, or null when too large.</summary>
    private static List<Edit>? Edits(string[] oldLines, string[] newLines)
    {
        // Equal heads and tails need no table; most edits touch a few lines in the middle.
        var prefix = 0;
        while (prefix < oldLines.Length && prefix < newLines.Length && oldLines[prefix] == newLines[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Length - prefix && suffix < newLines.Length - prefix
               && oldLines[^(suffix + 1)] == newLines[^(suffix + 1)])
        {
            suffix++;
        }

        var oldCount = oldLines.Length - prefix - suffix;
        var newCount = newLines.Length - prefix - suffix;
        if ((long)(oldCount + 1) * (newCount + 1) > MaxComparedCells)
        {
            return null;
        }

        // common[i, j]: length of the longest common subsequence of the middles from i and j on.
        var common = new int[oldCount + 1, newCount + 1];
        for (var i = oldCount - 1; i >= 0; i--)
        {
            for (var j = newCount - 1; j >= 0; j--)
            {
                common[i, j] = oldLines[prefix + i] == newLines[prefix + j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>(oldLines.Length + newLines.Length);
        for (var index = 0; index < prefix; index++)
        {
            edits.Add(new Edit(EditKind.Same, oldLines[index], index, index));
        }

        int oldIndex = 0, newIndex = 0;
        while (oldIndex < oldCount || newIndex < newCount)
        {
            if (oldIndex < oldCount && newIndex < newCount && oldLines[prefix + oldIndex] == newLines[prefix + newIndex])
            {
                edits.Add(new Edit(EditKind.Same, oldLines[prefix + oldIndex], prefix + oldIndex, prefix + newIndex));
                oldIndex++;
                newIndex++;
            }
            else if (newIndex == newCount || (oldIndex < oldCount && common[oldIndex + 1, newIndex] >= common[oldIndex, newIndex + 1]))
            {
                edits.Add(new Edit(EditKind.Removed, oldLines[prefix + oldIndex], prefix + oldIndex, prefix + newIndex));
                oldIndex++;
            }
            else
            {
                edits.Add(new Edit(EditKind.Added, newLines[prefix + newIndex], prefix + oldIndex, prefix + newIndex));
                newIndex++;
            }
        }

        for (var index = 0; index < suffix; index++)
        {
            edits.Add(new Edit(EditKind.Same, oldLines[prefix + oldCount + index], prefix + oldCount + index, prefix + newCount + index));
        }

        return edits;
    }

    /// <summary>Groups the edits into hunks: changes with their context, merged where contexts touch.</summary>
    private static IEnumerable<List<string>> Hunks(List<Edit> edits)
    {
        var index = 0;
        while (index < edits.Count)
        {
            var firstChange = edits.FindIndex(index, edit => edit.Kind != EditKind.Same);
            if (firstChange < 0)
            {
                yield break;
            }

            var start = Math.Max(index, firstChange - ContextLines);

            // Extend the hunk while the next change is close enough for the contexts to meet.
            var end = firstChange;
            while (true)
            {
                var lastChange = end;
                while (end < edits.Count && edits[end].Kind != EditKind.Same)
                {
                    lastChange = end++;
                }

                var nextChange = edits.FindIndex(end, edit => edit.Kind != EditKind.Same);
                if (nextChange < 0 || nextChange - lastChange - 1 > 2 * ContextLines)
                {
                    end = Math.Min(edits.Count, lastChange + 1 + ContextLines);
                    break;
                }

                end = nextChange;
            }

            yield return Hunk(edits, start, end);
            index = end;
        }
    }

    private static List<string> Hunk(List<Edit> edits, int start, int end)
    {
        var slice = edits.GetRange(start, end - start);
        var oldLength = slice.Count(edit => edit.Kind != EditKind.Added);
        var newLength = slice.Count(edit => edit.Kind != EditKind.Removed);

        // Unified diffs number lines from 1, and name the line before an empty range.
        var oldStart = oldLength == 0 ? slice[0].OldIndex : slice[0].OldIndex + 1;
        var newStart = newLength == 0 ? slice[0].NewIndex : slice[0].NewIndex + 1;
        var lines = new List<string>(slice.Count + 1)
        {
            string.Create(CultureInfo.InvariantCulture, $"@@ -{Range(oldStart, oldLength)} +{Range(newStart, newLength)} @@"),
        };
        foreach (var edit in slice)
        {
            var sign = edit.Kind switch { EditKind.Added => '+', EditKind.Removed => '-', _ => ' ' };
            lines.Add(sign + edit.Line);
        }

        return lines;
    }

    private static string Range(int start, int length) =>
        length == 1
            ? start.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{start},{length}");

    private enum EditKind
    {
        Same,
        Removed,
        Added,
    }

    private readonly record struct Edit(EditKind Kind, string Line, int OldIndex, int NewIndex);
}
