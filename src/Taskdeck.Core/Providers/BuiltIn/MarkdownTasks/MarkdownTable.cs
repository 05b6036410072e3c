namespace Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

/// <summary>
/// One pipe table of a markdown file, every cell as its source text: trimmed, with escaped pipes
/// turned back into pipes and everything else (links, inline code, HTML) left as written.
/// </summary>
/// <remarks>
/// Read the way navi's script read tables, which backlogs were written for: a table is a run of
/// lines starting with '|', its first line the header; |---| rows are skipped wherever they are;
/// the first other line, a blank one included, ends it. Unlike the script, escaped pipes stay
/// inside their cell and tables inside fenced code blocks are examples, not tables.
/// A markdown library's pipe tables (Markdig) were tried first and gave other answers: they need
/// the |---| row that navi never required, keep pipes inside code spans in one cell where GFM and
/// navi split, and cost about 80 ms of start-up per process.
/// </remarks>
internal sealed class MarkdownTable
{
    private MarkdownTable(string[] header, List<string[]> rows, int line)
    {
        Header = header;
        Rows = rows;
        Line = line;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows below the header; a row may have fewer cells than the header.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The 1-based line of the header row.</summary>
    public int Line { get; }

    /// <summary>Every table of <paramref name="markdown"/>, in document order.</summary>
    public static List<MarkdownTable> ReadAll(string markdown)
    {
        var tables = new List<MarkdownTable>();
        string[]? header = null;
        List<string[]> rows = [];
        var headerLine = 0;
        var lineNumber = 0;
        string? fence = null;
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = markdown.AsSpan(range).TrimEnd('\r');
            var trimmed = line.TrimStart();
            fence = NextFence(fence, trimmed, line.Length - trimmed.Length);
            var isTableLine = fence is null && trimmed.StartsWith('|');
            if (!isTableLine)
            {
                if (header is not null)
                {
                    tables.Add(new MarkdownTable(header, rows, headerLine));
                    header = null;
                    rows = [];
                }

                continue;
            }

            var cells = SplitCells(trimmed);
            if (IsDelimiterRow(cells))
            {
                continue;
            }

            if (header is null)
            {
                header = cells;
                headerLine = lineNumber;
            }
            else
            {
                rows.Add(cells);
            }
        }

        if (header is not null)
        {
            tables.Add(new MarkdownTable(header, rows, headerLine));
        }

        return tables;
    }

    /// <summary>The fence still open after this line: opened, closed or carried on.</summary>
    private static string? NextFence(string? openFence, ReadOnlySpan<char> trimmed, int indent)
    {
        if (indent > 3 || trimmed.Length < 3 || (trimmed[0] != '`' && trimmed[0] != '~'))
        {
            return openFence;
        }

        var length = trimmed.Length - trimmed.TrimStart(trimmed[0]).Length;
        if (length < 3)
        {
            return openFence;
        }

        var marker = trimmed[..length];
        if (openFence is null)
        {
            return marker.ToString();
        }

        // A fence closes with the same character, at least as long, and nothing after it.
        var closes = marker[0] == openFence[0] && length >= openFence.Length && trimmed[length..].IsWhiteSpace();
        return closes ? null : openFence;
    }

    /// <summary>The cells between the pipes of a line that starts with '|'.</summary>
    private static string[] SplitCells(ReadOnlySpan<char> line)
    {
        var cells = new List<string>();
        var start = 1;
        var hasEscapedPipe = false;
        for (var index = 1; index <= line.Length; index++)
        {
            if (index < line.Length && line[index] == '\\' && index + 1 < line.Length && line[index + 1] == '|')
            {
                hasEscapedPipe = true;
                index++;
                continue;
            }

            if (index == line.Length || line[index] == '|')
            {
                var cell = line[start..index].Trim();
                var isTrailingEmpty = index == line.Length && cell.IsEmpty;
                if (!isTrailingEmpty)
                {
                    cells.Add(hasEscapedPipe
                        ? cell.ToString().Replace(@"\|", "|", StringComparison.Ordinal)
                        : cell.ToString());
                }

                start = index + 1;
                hasEscapedPipe = false;
            }
        }

        return [.. cells];
    }

    /// <summary>A |---|:---:| row between the header and the body.</summary>
    private static bool IsDelimiterRow(string[] cells)
    {
        if (cells.Length == 0)
        {
            return false;
        }

        foreach (var cell in cells)
        {
            var dashes = cell.AsSpan().Trim(':');
            if (dashes.IsEmpty || dashes.ContainsAnyExcept('-'))
            {
                return false;
            }
        }

        return true;
    }
}
