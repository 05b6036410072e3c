using System.Text;

namespace Taskdeck.Core.Text;

/// <summary>
/// Makes text from providers safe to print: a provider must not be able to move the cursor,
/// recolour, retitle or otherwise repaint the user's terminal through a task title or its stderr.
/// </summary>
public static class TerminalText
{
    /// <summary>Removes escape sequences and control characters; newlines become spaces.</summary>
    public static string SingleLine(string? text) => Clean(text, keepNewlines: false);

    /// <summary>Like <see cref="SingleLine"/> but keeps line breaks (stderr, file contents).</summary>
    public static string MultiLine(string? text) => Clean(text, keepNewlines: true);

    private static string Clean(string? text, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (c == '\u001b' || c == '\u009b')
            {
                index = SkipEscapeSequence(text, index);
                continue;
            }

            if (c == '\n' || c == '\r' || c == '\t')
            {
                if (keepNewlines && c != '\r')
                {
                    builder.Append(c);
                }
                else if (!keepNewlines && (builder.Length == 0 || builder[^1] != ' '))
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (char.IsControl(c) || c is '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
            {
                continue;
            }

            builder.Append(c);
        }

        return keepNewlines ? builder.ToString() : builder.ToString().Trim();
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the index of the last character of the escape sequence starting at <paramref name="start"/>.</summary>
    private static int SkipEscapeSequence(string text, int start)
    {
        var index = start + 1;
        if (text[start] == '\u009b')
        {
            return SkipCsi(text, index);
        }

        if (index >= text.Length)
        {
            return start;
        }

        switch (text[index])
        {
            case '[':
                return SkipCsi(text, index + 1);
            case ']' or 'P' or '_' or '^' or 'X':
                // OSC, DCS and friends run to BEL or ESC \.
                for (var end = index + 1; end < text.Length; end++)
                {
                    if (text[end] == '\a')
                    {
                        return end;
                    }

                    if (text[end] == '\u001b' && end + 1 < text.Length && text[end + 1] == '\\')
                    {
                        return end + 1;
                    }
                }

                return text.Length - 1;
            default:
                return index;
        }
    }

    private static int SkipCsi(string text, int index)
    {
        while (index < text.Length && text[index] is < '@' or > '~')
        {
            index++;
        }

        return Math.Min(index, text.Length - 1);
    }
}
