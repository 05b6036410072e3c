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
            if (c is '\u001b' or '\u009b' or '\u0090' or '\u009d' or '\u0098' or '\u009e' or '\u009f')
            {
                index = SkipEscapeSequence(text, index);
                continue;
            }

            if (c is '\n' or '\r' or '\t' or '\u2028' or '\u2029')
            {
                if (keepNewlines && c != '\r')
                {
                    builder.Append(c is '\u2028' or '\u2029' ? '\n' : c);
                }
                else if (!keepNewlines && (builder.Length == 0 || builder[^1] != ' '))
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (IsInvisibleControl(c))
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
            if (IsInvisibleControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Control characters, and the marks that reorder text (bidi overrides and isolates), which can
    /// make a shown line read differently from what it is.
    /// </summary>
    private static bool IsInvisibleControl(char c) =>
        char.IsControl(c) || c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    /// <summary>Returns the index of the last character of the escape sequence starting at <paramref name="start"/>.</summary>
    private static int SkipEscapeSequence(string text, int start)
    {
        var index = start + 1;
        switch (text[start])
        {
            case '\u009b':
                return SkipCsi(text, index);
            case '\u0090' or '\u009d' or '\u0098' or '\u009e' or '\u009f':
                // The 8-bit forms of DCS, OSC, SOS, PM and APC: a string that runs to its terminator.
                return SkipString(text, index);
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
                return SkipString(text, index + 1);
            default:
                return index;
        }
    }

    /// <summary>OSC, DCS and friends run to BEL, ESC \ or the 8-bit string terminator.</summary>
    private static int SkipString(string text, int index)
    {
        for (var end = index; end < text.Length; end++)
        {
            if (text[end] is '\a' or '\u009c')
            {
                return end;
            }

            if (text[end] == '\u001b' && end + 1 < text.Length && text[end + 1] == '\\')
            {
                return end + 1;
            }
        }

        return text.Length - 1;
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
