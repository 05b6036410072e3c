using System.Text.RegularExpressions;

namespace Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

/// <summary>How the cells of backlog and task tables are read.</summary>
internal static partial class BacklogCells
{
    /// <summary>
    /// An item or task id as plain text: <c>[7](./7/prd.md)</c> and <c>&lt;a id="7"&gt;&lt;/a&gt;7</c>
    /// both read as <c>7</c>.
    /// </summary>
    public static string PlainId(string cell)
    {
        var text = cell.Contains('<', StringComparison.Ordinal) ? HtmlTag().Replace(cell, "").Trim() : cell;
        return LinkTextOrSelf(text).Trim();
    }

    /// <summary>The text of a cell that is one markdown link, else the cell as it is.</summary>
    public static string LinkTextOrSelf(string cell)
    {
        if (!cell.StartsWith('['))
        {
            return cell;
        }

        var match = WholeLink().Match(cell);
        return match.Success ? match.Groups["text"].Value : cell;
    }

    /// <summary>
    /// The column named <paramref name="name"/>: a cell that is the name (ignoring case and
    /// emphasis), else the first cell that contains it as written, as navi's header test did.
    /// </summary>
    public static int ColumnOf(IReadOnlyList<string> header, string name)
    {
        for (var index = 0; index < header.Count; index++)
        {
            if (header[index].Trim('*', '_', ' ').Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        for (var index = 0; index < header.Count; index++)
        {
            if (header[index].Contains(name, StringComparison.Ordinal))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The cell at <paramref name="column"/>, or empty when the row is shorter.</summary>
    public static string At(string[] row, int column) =>
        column >= 0 && column < row.Length ? row[column] : "";

    /// <summary>
    /// Whether <paramref name="id"/> can name a folder or file beside the backlog: one plain name,
    /// never a path that could lead elsewhere.
    /// </summary>
    public static bool IsPlainName(string id) =>
        id.Length > 0 && id is not ("." or "..")
        && id.IndexOfAny(['/', '\\', '\0']) < 0;

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^\[(?<text>[^\]]*)\]\(.*\)$")]
    private static partial Regex WholeLink();
}
