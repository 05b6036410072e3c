using System.Globalization;
using Terminal.Gui.Text;

namespace Taskdeck.Dashboard.Rendering;

/// <summary>
/// Measures and cuts text in terminal columns, counting wide characters (CJK, most emoji) as two,
/// with the same measure the terminal layer uses when it draws.
/// </summary>
public static class CellText
{
    public const string Ellipsis = "…";

    public static int Width(string text)
    {
        if (IsNarrowAscii(text))
        {
            return text.Length;
        }

        var width = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            width += ElementWidth(elements.GetTextElement());
        }

        return width;
    }

    /// <summary>The text if it fits in <paramref name="width"/> columns, else its start and an ellipsis.</summary>
    public static string Fit(string text, int width)
    {
        if (width <= 0)
        {
            return "";
        }

        if (IsNarrowAscii(text))
        {
            return text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), Ellipsis);
        }

        if (Width(text) <= width)
        {
            return text;
        }

        var used = 0;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var elementWidth = ElementWidth(elements.GetTextElement());
            if (used + elementWidth > width - 1)
            {
                break;
            }

            used += elementWidth;
            end = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return string.Concat(text.AsSpan(0, end), Ellipsis);
    }

    /// <summary>The text fitted to <paramref name="width"/> and padded with spaces to exactly that width.</summary>
    public static string PadRight(string text, int width)
    {
        var fitted = Fit(text, width);
        var missing = width - Width(fitted);
        return missing > 0 ? fitted + new string(' ', missing) : fitted;
    }

    /// <summary>Like <see cref="PadRight"/> but aligned to the right.</summary>
    public static string PadLeft(string text, int width)
    {
        var fitted = Fit(text, width);
        var missing = width - Width(fitted);
        return missing > 0 ? new string(' ', missing) + fitted : fitted;
    }

    /// <summary>Breaks one line into pieces of at most <paramref name="width"/> columns.</summary>
    public static IEnumerable<string> Wrap(string line, int width)
    {
        if (width <= 0 || Width(line) <= width)
        {
            yield return line;
            yield break;
        }

        var start = 0;
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext())
        {
            var elementWidth = ElementWidth(elements.GetTextElement());
            if (used + elementWidth > width)
            {
                yield return line[start..elements.ElementIndex];
                start = elements.ElementIndex;
                used = 0;
            }

            used += elementWidth;
        }

        yield return line[start..];
    }

    private static int ElementWidth(string element) => Math.Clamp(element.GetColumns(), 0, 2);

    private static bool IsNarrowAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
