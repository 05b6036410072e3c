using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;

namespace Taskdeck.Core.Caching;

/// <summary>
/// One open connection to the cache file and the statements Taskdeck runs on it. Not thread-safe:
/// <see cref="SqliteResultCache"/> serialises every call. SQLite's errors pass through unchanged
/// so the caller can tell a damaged file from a busy or an unwritable one.
/// </summary>
internal sealed class CacheDatabase : IDisposable
{
    private static readonly string[] ColumnNames = CacheSchema.ResultColumns;

    private static readonly string Columns = string.Join(", ", ColumnNames);

    // A stored run that started later is kept, whichever process wrote it.
    private static readonly string UpsertSql =
        $"INSERT INTO {CacheSchema.ResultsTable} ({Columns}) "
        + $"VALUES ({string.Join(", ", ColumnNames.Select(name => "$" + name))}) "
        + $"ON CONFLICT (dir) DO UPDATE SET "
        + $"{string.Join(", ", ColumnNames.Skip(1).Select(name => $"{name} = excluded.{name}"))} "
        + $"WHERE excluded.started_at >= {CacheSchema.ResultsTable}.started_at;";

    private readonly SqliteConnection _connection;
    private SqliteCommand? _readOne;
    private SqliteCommand? _readStartedAt;

    private CacheDatabase(SqliteConnection connection) => _connection = connection;

    /// <summary>
    /// Opens (creating if needed) the file and brings its layout up to date. Throws
    /// <see cref="SqliteException"/> when the file is damaged, busy or cannot be written.
    /// </summary>
    public static CacheDatabase Open(string filePath, TimeSpan busyTimeout)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,

            // The file must really be closed on Dispose, so a damaged one can be moved aside.
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // WAL lets a dashboard read while a `list` in another shell writes. NORMAL sync may
            // lose the last write on power loss but never corrupts: right for a cache.
            Execute(connection, $"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds};");
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            CacheSchema.Ensure(connection);
            return new CacheDatabase(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether SQLite finds the file sound (a cheap structural check, no index scan).</summary>
    public bool IsIntact()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1);";
        return command.ExecuteScalar() as string == "ok";
    }

    public CacheEntry? Read(string projectDirPath)
    {
        _readOne ??= Prepare($"SELECT {Columns} FROM {CacheSchema.ResultsTable} WHERE dir = $dir;", "$dir");
        _readOne.Parameters[0].Value = projectDirPath;
        using var reader = _readOne.ExecuteReader();
        return reader.Read() ? ReadEntryOrNull(reader) : null;
    }

    /// <summary>Reads many entries in one query, however many are asked for.</summary>
    public Dictionary<string, CacheEntry> ReadMany(IReadOnlyCollection<string> projectDirPaths)
    {
        var entriesByDirPath = new Dictionary<string, CacheEntry>(projectDirPaths.Count, StringComparer.Ordinal);
        if (projectDirPaths.Count == 0)
        {
            return entriesByDirPath;
        }

        // One JSON array parameter instead of a thousand: SQLite caps the number of parameters.
        using var command = _connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns} FROM {CacheSchema.ResultsTable} WHERE dir IN (SELECT value FROM json_each($dirs));";
        command.Parameters.AddWithValue("$dirs", JsonArrayOf(projectDirPaths));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (ReadEntryOrNull(reader) is { } entry)
            {
                entriesByDirPath[entry.ProjectDirPath] = entry;
            }
        }

        return entriesByDirPath;
    }

    /// <summary>When the stored run for a project started, without reading its tasks.</summary>
    public DateTimeOffset? ReadStartedAt(string projectDirPath)
    {
        _readStartedAt ??= Prepare($"SELECT started_at FROM {CacheSchema.ResultsTable} WHERE dir = $dir;", "$dir");
        _readStartedAt.Parameters[0].Value = projectDirPath;
        return _readStartedAt.ExecuteScalar() is long ticks ? FromTicks(ticks) : null;
    }

    /// <summary>
    /// Writes entries in one immediate transaction. A row holding a run that started later is
    /// left alone, whichever process wrote it.
    /// </summary>
    public void Write(IEnumerable<CacheEntry> entries)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        using var command = _connection.CreateCommand();
        command.CommandText = UpsertSql;
        var parameters = ColumnNames
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = "$" + name }))
            .ToArray();

        foreach (var entry in entries)
        {
            parameters[0].Value = entry.ProjectDirPath;
            parameters[1].Value = entry.Fingerprint;
            parameters[2].Value = DbValue(entry.Tasks is { } tasks ? CacheJson.Write(tasks) : null);
            parameters[3].Value = DbValue(entry.FetchedAt?.UtcTicks);
            parameters[4].Value = DbValue(entry.Failure?.Kind.ToWireName());
            parameters[5].Value = DbValue(entry.Failure?.Message);
            parameters[6].Value = DbValue(entry.Failure?.Stderr);
            parameters[7].Value = entry.StartedAt.UtcTicks;
            parameters[8].Value = entry.FinishedAt.UtcTicks;
            parameters[9].Value = entry.Duration.Ticks;
            parameters[10].Value = entry.ConsecutiveFailures;

            // Most refreshes change nothing; the previous result is then stored once, not twice.
            var isPreviousSame = entry.PreviousTasks is not null && entry.PreviousTasks.Equals(entry.Tasks);
            var previous = isPreviousSame ? null : entry.PreviousTasks;
            parameters[11].Value = DbValue(previous is null ? null : CacheJson.Write(previous));
            parameters[12].Value = CacheJson.Write(entry.Changes);
            parameters[13].Value = isPreviousSame ? 1 : 0;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void DeleteAll()
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        Execute(_connection, $"DELETE FROM {CacheSchema.ResultsTable};");
        transaction.Commit();
    }

    public void Dispose()
    {
        _readOne?.Dispose();
        _readStartedAt?.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, string parameterName)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter { ParameterName = parameterName });
        return command;
    }

    /// <summary>
    /// A row whose JSON cannot be read (edited by hand, or half-written by a foreign tool) counts
    /// as a miss: the project runs again and its next result replaces the row.
    /// </summary>
    private static CacheEntry? ReadEntryOrNull(SqliteDataReader reader)
    {
        try
        {
            return ReadEntry(reader);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException
            or InvalidOperationException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    private static CacheEntry ReadEntry(SqliteDataReader reader)
    {
        var failureKind = reader.IsDBNull(4) ? null : FailureKindNames.FromWireName(reader.GetString(4));

        // A kind this version does not know (a newer Taskdeck wrote it) still reads as a failure.
        var failure = reader.IsDBNull(4) ? null
            : new RunFailure(failureKind ?? FailureKind.Exit, reader.GetString(5), OptionalString(reader, 6));
        var tasks = reader.IsDBNull(2) ? null : CacheJson.ReadTaskList(Utf8(reader, 2));
        return new CacheEntry(
            reader.GetString(0),
            reader.GetString(1),
            tasks,
            reader.IsDBNull(3) ? null : FromTicks(reader.GetInt64(3)),
            failure,
            FromTicks(reader.GetInt64(7)),
            FromTicks(reader.GetInt64(8)),
            TimeSpan.FromTicks(reader.GetInt64(9)),
            reader.GetInt32(10),
            reader.GetInt32(13) == 1 ? tasks
                : reader.IsDBNull(11) ? null
                : CacheJson.ReadTaskList(Utf8(reader, 11)),
            CacheJson.ReadChanges(Utf8(reader, 12)));
    }

    /// <summary>A text column's UTF-8 bytes as SQLite holds them, without a detour through UTF-16.</summary>
    private static byte[] Utf8(SqliteDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    private static string? OptionalString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static object DbValue(object? value) => value ?? DBNull.Value;

    private static string JsonArrayOf(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
