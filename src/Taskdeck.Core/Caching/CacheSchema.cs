using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Taskdeck.Core.Caching;

/// <summary>
/// The layout of the cache file, versioned through <c>PRAGMA user_version</c>. A file from an
/// older layout is migrated where a step is known; anything else (a layout from a newer Taskdeck,
/// or tables nobody knows) is rebuilt empty, because a cache can always be filled again.
/// </summary>
internal static class CacheSchema
{
    /// <summary>Bumped whenever a column or the JSON kept in one changes meaning.</summary>
    public const int Version = 1;

    public const string ResultsTable = "results";

    /// <summary>The columns of <see cref="ResultsTable"/>, in the order the statements use.</summary>
    public static readonly string[] ResultColumns =
    [
        "dir", "fingerprint", "tasks_json", "fetched_at", "failure_kind", "failure_message", "failure_stderr",
        "started_at", "finished_at", "duration_ticks", "consecutive_failures", "previous_tasks_json", "changes_json",
        "previous_is_same",
    ];

    // Times are UTC ticks (100 ns since 0001-01-01): exact, and ordered as numbers.
    private const string CreateResults = $"""
        CREATE TABLE {ResultsTable} (
            dir TEXT NOT NULL PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            tasks_json TEXT,
            fetched_at INTEGER,
            failure_kind TEXT,
            failure_message TEXT,
            failure_stderr TEXT,
            started_at INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            duration_ticks INTEGER NOT NULL,
            consecutive_failures INTEGER NOT NULL,
            previous_tasks_json TEXT,
            changes_json TEXT NOT NULL,
            previous_is_same INTEGER NOT NULL
        );
        """;

    /// <summary>
    /// Steps from one version to the next, by the version they start from. None yet: version 1
    /// is the first. A step runs inside the transaction that also sets the new version.
    /// </summary>
    private static readonly Dictionary<int, string> MigrationsByFromVersion = [];

    /// <summary>Brings the file to <see cref="Version"/>; two cheap queries when it already is there.</summary>
    public static void Ensure(SqliteConnection connection)
    {
        if (IsCurrent(connection))
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);

        // Another process may have done the work while this one waited for the write lock.
        if (!IsCurrent(connection))
        {
            Upgrade(connection, ReadVersion(connection));
            Execute(connection, $"PRAGMA user_version = {Version};");
        }

        transaction.Commit();
    }

    /// <summary>The right version and the right columns: a file edited by hand fails the second.</summary>
    private static bool IsCurrent(SqliteConnection connection) =>
        ReadVersion(connection) == Version && ResultColumnNames(connection).SequenceEqual(ResultColumns);

    private static void Upgrade(SqliteConnection connection, int version)
    {
        while (version > 0 && version < Version
            && MigrationsByFromVersion.TryGetValue(version, out var step))
        {
            Execute(connection, step);
            version++;
        }

        if (version == Version && ResultColumnNames(connection).SequenceEqual(ResultColumns))
        {
            return;
        }

        foreach (var name in UserTableNames(connection))
        {
            Execute(connection, $"DROP TABLE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";");
        }

        Execute(connection, CreateResults);
    }

    private static List<string> ResultColumnNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{ResultsTable}') ORDER BY cid;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> UserTableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
