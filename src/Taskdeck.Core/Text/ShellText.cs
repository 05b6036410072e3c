namespace Taskdeck.Core.Text;

/// <summary>Writes values into commands that users copy into a POSIX shell.</summary>
public static class ShellText
{
    /// <summary>Single-quotes <paramref name="text"/> so a shell takes it literally.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
