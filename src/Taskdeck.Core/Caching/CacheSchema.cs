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
            changes_json TEXT NOT NULL
        );
        """;

    /// <summary>
    /// Steps from one version to the next, by the version they start from. None yet: version 1
    /// is the first. A step runs inside the transaction that also sets the new version.
    /// </summary>
    private static readonly Dictionary<int, string> MigrationsByFromVersion = [];

    /// <summary>Brings the file to <see cref="Version"/>; cheap when it already is there.</summary>
    public static void Ensure(SqliteConnection connection)
    {
        if (ReadVersion(connection) == Version)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);

        // Another process may have done the work while this one waited for the write lock.
        var version = ReadVersion(connection);
        if (version != Version)
        {
            Upgrade(connection, version);
            Execute(connection, $"PRAGMA user_version = {Version};");
        }

        transaction.Commit();
    }

    private static void Upgrade(SqliteConnection connection, int version)
    {
        var tableNames = UserTableNames(connection);
        if (version == 0 && tableNames.Count == 0)
        {
            Execute(connection, CreateResults);
            return;
        }

        while (version < Version && MigrationsByFromVersion.TryGetValue(version, out var step))
        {
            Execute(connection, step);
            version++;
        }

        if (version == Version)
        {
            return;
        }

        foreach (var name in tableNames)
        {
            Execute(connection, $"DROP TABLE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";");
        }

        Execute(connection, CreateResults);
    }

    private static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> UserTableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
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
