using Microsoft.Data.Sqlite;

namespace Taskdeck.Core.Caching;

/// <summary>Sorts SQLite's result codes into what the cache does about them.</summary>
internal static class SqliteErrors
{
    // Primary result codes from sqlite3.h; extended codes keep them in the low byte.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    /// <summary>The file is not a database or its pages are broken: move it aside.</summary>
    public static bool IsDamage(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is Corrupt or NotADatabase;

    /// <summary>Another process held the file longer than the busy timeout: try later.</summary>
    public static bool IsBusy(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is Busy or Locked;

    /// <summary>SQLite's message without the "SQLite Error 8: " prefix, for warnings.</summary>
    public static string Describe(SqliteException exception)
    {
        var message = exception.Message;
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var text = message.StartsWith("SQLite Error", StringComparison.Ordinal) && colon > 0
            ? message[(colon + 2)..]
            : message;
        return text.Trim().TrimEnd('.').Trim('\'');
    }
}
