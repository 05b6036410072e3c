using Microsoft.Data.Sqlite;

namespace Taskdeck.Core.Caching;

/// <summary>
/// The persistent cache: one SQLite file shared by every Taskdeck process of the user. Results
/// are buffered in memory as they land and written many to a transaction, shortly after the
/// first of them or on <see cref="Flush"/>; reads see buffered entries at once. The file is
/// opened on first use, so commands that never touch the cache never pay for it.
/// </summary>
/// <remarks>
/// Never throws because of the file: a damaged file is moved aside and replaced by an empty
/// one; a file that cannot be written turns the cache into a memory-only one for the rest of the
/// process. Both are reported through <see cref="Warning"/>, the second only once.
/// </remarks>
public sealed class SqliteResultCache : IResultCache, IDisposable
{
    public const string FileName = "cache.db";

    /// <summary>How long a result waits in memory before it is written with its neighbours.</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>How long to wait for another process's write before giving up on this one.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(3);

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    // Entries this process stored and has not written yet; in memory-only mode, all of them.
    private readonly Dictionary<string, CacheEntry> _unwrittenByDirPath = new(StringComparer.Ordinal);
    private CacheDatabase? _database;
    private ITimer? _flushTimer;
    private bool _isFlushScheduled;
    private bool _isDisposed;

    public SqliteResultCache(string cacheDirPath, TimeProvider time)
    {
        CacheDirPath = cacheDirPath;
        FilePath = Path.Combine(cacheDirPath, FileName);
        _time = time;
    }

    /// <summary>
    /// A sentence for the user about the cache file (moved aside, cannot be written, busy).
    /// Raised on the thread that met the problem; the handler must not call back into the cache.
    /// </summary>
    public event Action<string>? Warning;

    public string CacheDirPath { get; }

    public string FilePath { get; }

    /// <summary>Whether the file could not be used and results live only as long as the process.</summary>
    public bool IsMemoryOnly { get; private set; }

    /// <summary>
    /// Opens the file on a pool thread, so that loading SQLite overlaps with whatever the caller
    /// does next (finding projects); the first read then finds it open. Never fails: problems
    /// surface as warnings, as on any first use.
    /// </summary>
    public void OpenInBackground() =>
        _ = Task.Run(() =>
        {
            lock (_lock)
            {
                Open();
            }
        });

    public CacheEntry? Get(string projectDirPath)
    {
        lock (_lock)
        {
            return _unwrittenByDirPath.TryGetValue(projectDirPath, out var unwritten)
                ? unwritten
                : Use(database => database.Read(projectDirPath), fallback: null);
        }
    }

    public IReadOnlyDictionary<string, CacheEntry> GetMany(IReadOnlyCollection<string> projectDirPaths)
    {
        lock (_lock)
        {
            var entriesByDirPath = Use(database => database.ReadMany(projectDirPaths), fallback: null)
                ?? new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
            foreach (var dirPath in projectDirPaths)
            {
                if (_unwrittenByDirPath.TryGetValue(dirPath, out var unwritten))
                {
                    entriesByDirPath[dirPath] = unwritten;
                }
            }

            return entriesByDirPath;
        }
    }

    /// <summary>
    /// Buffers the entry unless a run that started later is already stored, here or in the file.
    /// A later run stored by another process between this check and the write still wins: the
    /// write itself compares start times.
    /// </summary>
    public bool Put(CacheEntry entry)
    {
        lock (_lock)
        {
            var storedStartedAt = _unwrittenByDirPath.TryGetValue(entry.ProjectDirPath, out var unwritten)
                ? unwritten.StartedAt
                : Use(database => database.ReadStartedAt(entry.ProjectDirPath), fallback: null);
            if (storedStartedAt > entry.StartedAt)
            {
                return false;
            }

            _unwrittenByDirPath[entry.ProjectDirPath] = entry;
            ScheduleFlush();
            return true;
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            _isFlushScheduled = false;
            if (_unwrittenByDirPath.Count == 0 || IsMemoryOnly)
            {
                return;
            }

            // Known gap: the write holds the lock, so a Get waits for it (up to BusyTimeout when
            // another process holds the file); a second, read-only connection would avoid that.
            var isWritten = Use(database =>
            {
                database.Write(_unwrittenByDirPath.Values);
                return true;
            }, fallback: false, isWrite: true);

            if (isWritten)
            {
                _unwrittenByDirPath.Clear();
            }
        }
    }

    public void Clear() => TryClear();

    /// <summary>
    /// Forgets every result, and deletes the copies of damaged files moved aside earlier. Returns
    /// whether the file was emptied (not when it cannot be written, or stayed locked).
    /// </summary>
    public bool TryClear()
    {
        lock (_lock)
        {
            _unwrittenByDirPath.Clear();
            var isCleared = Use(database =>
            {
                database.DeleteAll();
                return true;
            }, fallback: false, isWrite: true);

            if (isCleared)
            {
                DamagedCacheFile.DeleteMovedCopies(FilePath);
            }

            return isCleared;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_isDisposed)
            {
                return;
            }

            _isDisposed = true;
            _flushTimer?.Dispose();
        }

        Flush();
        lock (_lock)
        {
            _database?.Dispose();
            _database = null;
        }
    }

    /// <summary>
    /// Runs one step against the file, opening it first if needed, and turns every problem with
    /// the file into <paramref name="fallback"/> plus, where the user should know, a warning.
    /// </summary>
    private T Use<T>(Func<CacheDatabase, T> step, T fallback, bool isWrite = false)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var database = Open();
            if (database is null || (isWrite && IsMemoryOnly))
            {
                return fallback;
            }

            try
            {
                return step(database);
            }
            catch (SqliteException exception) when (SqliteErrors.IsDamage(exception) && attempt == 1)
            {
                // Pages broke under a file that opened fine; check it whole, then retry once.
                ReopenAfterDamage(SqliteErrors.Describe(exception));
            }
            catch (SqliteException exception) when (SqliteErrors.IsBusy(exception) && isWrite)
            {
                BusyOnWrite(exception);
                return fallback;
            }
            catch (SqliteException exception) when (SqliteErrors.IsBusy(exception))
            {
                // A reader kept out for the whole timeout just misses; the project runs again.
                return fallback;
            }
            catch (SqliteException exception)
            {
                // A full disk still lets the file be read; anything else closes it.
                BecomeMemoryOnly(SqliteErrors.Describe(exception), canStillRead: isWrite);
                return fallback;
            }
        }

        return fallback;
    }

    private CacheDatabase? Open()
    {
        if (_database is not null || IsMemoryOnly)
        {
            return _database;
        }

        try
        {
            Directory.CreateDirectory(CacheDirPath);
            _database = OpenReplacingDamage(mustCheckPages: false);
        }
        catch (SqliteException exception)
        {
            BecomeMemoryOnly(SqliteErrors.Describe(exception));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Known gap: a readable file in a read-only folder is not read either; the cache starts empty.
            BecomeMemoryOnly(DescribeFolderProblem(exception));
        }
        catch (Exception exception) when (exception is DllNotFoundException or TypeInitializationException)
        {
            // SQLite's native library did not load on this platform.
            BecomeMemoryOnly(exception.Message);
        }

        return _database;
    }

    private CacheDatabase OpenReplacingDamage(bool mustCheckPages)
    {
        string problem;
        try
        {
            var database = CacheDatabase.Open(FilePath, BusyTimeout);
            if (!mustCheckPages || database.IsIntact())
            {
                return database;
            }

            database.Dispose();
            problem = "its pages are damaged";
        }
        catch (SqliteException exception) when (SqliteErrors.IsDamage(exception))
        {
            problem = SqliteErrors.Describe(exception);
        }

        var movedToPath = DamagedCacheFile.MoveAside(FilePath, _time.GetUtcNow());
        if (movedToPath is not null)
        {
            Warning?.Invoke(
                $"The cache file '{FilePath}' could not be read ({problem}); it was moved to '{movedToPath}' and Taskdeck started a new, empty cache.");
        }

        return CacheDatabase.Open(FilePath, BusyTimeout);
    }

    private void ReopenAfterDamage(string problem)
    {
        _database?.Dispose();
        _database = null;
        try
        {
            _database = OpenReplacingDamage(mustCheckPages: true);
        }
        catch (SqliteException exception)
        {
            BecomeMemoryOnly($"{problem}; then {SqliteErrors.Describe(exception)}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            BecomeMemoryOnly($"{problem}; it could not be moved aside: {DescribeFolderProblem(exception)}");
        }
    }

    /// <summary>Says why the folder failed in words; the runtime's own messages may be bare resource keys.</summary>
    private string DescribeFolderProblem(Exception exception) =>
        File.Exists(CacheDirPath) ? $"a file is in the way at '{CacheDirPath}'"
        : exception is UnauthorizedAccessException ? "permission denied"
        : exception.Message;

    private void BecomeMemoryOnly(string reason, bool canStillRead = false)
    {
        if (!canStillRead)
        {
            _database?.Dispose();
            _database = null;
        }

        if (IsMemoryOnly)
        {
            return;
        }

        IsMemoryOnly = true;
        Warning?.Invoke(
            $"Taskdeck cannot use its cache file '{FilePath}' ({reason}); results are kept in memory until it exits. Make '{CacheDirPath}' a writable folder with free space, or point XDG_CACHE_HOME at one.");
    }

    private void BusyOnWrite(SqliteException exception)
    {
        if (!_isDisposed)
        {
            // Another Taskdeck is writing a long batch; the results stay buffered and visible.
            ScheduleFlush();
            return;
        }

        Warning?.Invoke(
            $"{_unwrittenByDirPath.Count} results were not saved to the cache file '{FilePath}' because another process kept it locked for more than {BusyTimeout.TotalSeconds:0} s ({SqliteErrors.Describe(exception)}); they will be fetched again next time.");
    }

    private void ScheduleFlush()
    {
        if (_isFlushScheduled || _isDisposed || IsMemoryOnly)
        {
            return;
        }

        _isFlushScheduled = true;
        _flushTimer ??= _time.CreateTimer(
            _ => FlushFromTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _flushTimer.Change(FlushDelay, Timeout.InfiniteTimeSpan);
    }

    private void FlushFromTimer()
    {
        try
        {
            Flush();
        }
        catch (Exception exception)
        {
            // An exception escaping a timer callback ends the process; a cache is not worth that.
            lock (_lock)
            {
                BecomeMemoryOnly(exception.Message);
            }
        }
    }
}
