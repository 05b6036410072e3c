using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

/// <summary>
/// One pipe table of a markdown file, every cell as its source text: trimmed, with escaped pipes
/// turned back into pipes and everything else (links, inline code, HTML) left as written.
/// </summary>
internal sealed class MarkdownTable
{
    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder().UsePipeTables().Build();

    private MarkdownTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, int line)
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

    /// <summary>Every table of <paramref name="markdown"/>, in document order, read lazily.</summary>
    public static IEnumerable<MarkdownTable> ReadAll(string markdown)
    {
        // Markdig sees a table only with a header row, a |---| row and no blank line inside it;
        // a blank line ends the table, as it ends navi's reading.
        if (!markdown.Contains('|', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var table in Markdown.Parse(markdown, Pipeline).Descendants<Table>())
        {
            yield return Read(markdown, table);
        }
    }

    private static MarkdownTable Read(string markdown, Table table)
    {
        IReadOnlyList<string> header = [];
        var rows = new List<string[]>(table.Count);
        foreach (var block in table)
        {
            var row = (TableRow)block;
            var cells = new string[row.Count];
            for (var index = 0; index < row.Count; index++)
            {
                cells[index] = CellText(markdown, row[index].Span);
            }

            if (row.IsHeader && rows.Count == 0 && header.Count == 0)
            {
                header = cells;
            }
            else
            {
                rows.Add(cells);
            }
        }

        return new MarkdownTable(header, rows, table.Line + 1);
    }

    private static string CellText(string markdown, SourceSpan span)
    {
        if (span.Length <= 0)
        {
            return "";
        }

        var text = markdown.AsSpan(span.Start, span.Length).Trim();
        return text.Contains(@"\|", StringComparison.Ordinal)
            ? text.ToString().Replace(@"\|", "|", StringComparison.Ordinal)
            : text.ToString();
    }
}
