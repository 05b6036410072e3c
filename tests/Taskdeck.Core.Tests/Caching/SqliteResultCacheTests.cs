using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Caching;

public sealed class SqliteResultCacheTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly FakeTimeProvider _time = new(CacheEntries.Epoch);
    private readonly List<string> _warnings = [];

    private string CacheDirPath => _workspace.Paths.CacheDirPath;

    private string CacheFilePath => Path.Combine(CacheDirPath, SqliteResultCache.FileName);

    [Fact]
    public void Put_ThenGetFromNewInstance_ReturnsEveryField()
    {
        // Arrange
        var entry = CacheEntries.Full("/projects/shop");
        using (var writer = OpenCache())
        {
            writer.Put(entry);
        }

        // Act
        using var reader = OpenCache();
        var stored = reader.Get("/projects/shop");

        // Assert
        CacheEntries.AssertSame(entry, stored);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Put_WhenPreviousEqualsLatestOrIsAbsent_ReadsBackTheSame()
    {
        // Arrange: a refresh that changed nothing keeps an equal previous result.
        var tasks = CacheEntries.Tasks(("1", "todo"), ("2", "done"));
        var unchanged = CacheEntries.Ok("/unchanged", CacheEntries.Epoch, tasks) with { PreviousTasks = tasks with { } };
        var first = CacheEntries.Ok("/first", CacheEntries.Epoch, tasks);
        using (var writer = OpenCache())
        {
            writer.Put(unchanged);
            writer.Put(first);
        }

        // Act
        using var reader = OpenCache();
        var entries = reader.GetMany(["/unchanged", "/first"]);

        // Assert
        CacheEntries.AssertSame(unchanged, entries["/unchanged"]);
        CacheEntries.AssertSame(first, entries["/first"]);
        Assert.Null(entries["/first"].PreviousTasks);
    }

    [Fact]
    public void Get_WhenARowHoldsBrokenJson_MissesAndLetsTheNextPutReplaceIt()
    {
        // Arrange
        using (var writer = OpenCache())
        {
            writer.Put(CacheEntries.Ok("/p", CacheEntries.Epoch));
        }

        ExecuteOnFile(CacheFilePath, "UPDATE results SET tasks_json = '{\"groups\": [ oops';");
        using var cache = OpenCache();

        // Act
        var broken = cache.Get("/p");
        var isStored = cache.Put(CacheEntries.Ok("/p", CacheEntries.Epoch.AddSeconds(1)));
        cache.Flush();

        // Assert
        Assert.Null(broken);
        Assert.True(isStored);
        using var reader = OpenCache();
        Assert.NotNull(reader.Get("/p"));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Get_BeforeFlush_SeesBufferedEntryWhileOtherInstancesDoNot()
    {
        // Arrange
        using var writer = OpenCache();
        using var other = OpenCache();
        var entry = CacheEntries.Ok("/p", CacheEntries.Epoch);

        // Act
        writer.Put(entry);

        // Assert
        CacheEntries.AssertSame(entry, writer.Get("/p"));
        CacheEntries.AssertSame(entry, writer.GetMany(["/p"])["/p"]);
        Assert.Null(other.Get("/p"));
    }

    [Fact]
    public void Put_AfterFlushDelay_IsWrittenWithoutExplicitFlush()
    {
        // Arrange
        using var writer = OpenCache();
        using var other = OpenCache();
        writer.Put(CacheEntries.Ok("/p", CacheEntries.Epoch));

        // Act
        _time.Advance(SqliteResultCache.FlushDelay);

        // Assert: the timer fires on the thread pool; give it a moment.
        Assert.True(SpinWait.SpinUntil(() => other.Get("/p") is not null, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Put_OlderThanBuffered_IsRefused()
    {
        // Arrange
        using var cache = OpenCache();
        cache.Put(CacheEntries.Ok("/p", CacheEntries.Epoch.AddSeconds(10), CacheEntries.Tasks(("new", "todo"))));

        // Act
        var isStored = cache.Put(CacheEntries.Ok("/p", CacheEntries.Epoch, CacheEntries.Tasks(("old", "todo"))));

        // Assert
        Assert.False(isStored);
        Assert.Equal(["new"], CacheEntries.Ids(cache.Get("/p")!.Tasks));
    }

    [Fact]
    public void Put_OlderThanStoredByAnotherInstance_IsRefused()
    {
        // Arrange
        using (var first = OpenCache())
        {
            first.Put(CacheEntries.Ok("/p", CacheEntries.Epoch.AddSeconds(10)));
        }

        using var second = OpenCache();

        // Act
        var isStored = second.Put(CacheEntries.Ok("/p", CacheEntries.Epoch));

        // Assert
        Assert.False(isStored);
    }

    [Fact]
    public void Flush_WhenAnotherInstanceWroteNewerMeanwhile_KeepsTheNewer()
    {
        // Arrange: both pass the check in Put, then race to the file.
        using var slow = OpenCache();
        using var fast = OpenCache();
        slow.Put(CacheEntries.Ok("/p", CacheEntries.Epoch, CacheEntries.Tasks(("older", "todo"))));
        fast.Put(CacheEntries.Ok("/p", CacheEntries.Epoch.AddSeconds(1), CacheEntries.Tasks(("newer", "todo"))));
        fast.Flush();

        // Act
        slow.Flush();

        // Assert
        using var reader = OpenCache();
        Assert.Equal(["newer"], CacheEntries.Ids(reader.Get("/p")!.Tasks));
        Assert.Equal(["newer"], CacheEntries.Ids(slow.Get("/p")!.Tasks));
    }

    [Fact]
    public void GetMany_ReturnsOnlyTheAskedProjects()
    {
        // Arrange
        using var cache = OpenCache();
        foreach (var name in new[] { "/a", "/b", "/c's \"odd\" name" })
        {
            cache.Put(CacheEntries.Ok(name, CacheEntries.Epoch));
        }

        cache.Flush();

        // Act
        var entries = cache.GetMany(["/a", "/c's \"odd\" name", "/missing"]);

        // Assert
        Assert.Equal(["/a", "/c's \"odd\" name"], entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Clear_ForgetsWrittenAndBufferedEntries()
    {
        // Arrange
        using var cache = OpenCache();
        cache.Put(CacheEntries.Ok("/written", CacheEntries.Epoch));
        cache.Flush();
        cache.Put(CacheEntries.Ok("/buffered", CacheEntries.Epoch));

        // Act
        cache.Clear();

        // Assert
        using var other = OpenCache();
        Assert.Empty(cache.GetMany(["/written", "/buffered"]));
        Assert.Null(other.Get("/written"));
    }

    [Fact]
    public void Open_WhenFileIsRandomBytes_MovesItAsideAndStartsEmpty()
    {
        // Arrange
        Directory.CreateDirectory(CacheDirPath);
        var garbage = new byte[8192];
        new Random(4).NextBytes(garbage);
        File.WriteAllBytes(CacheFilePath, garbage);
        using var cache = OpenCache();

        // Act
        var entry = cache.Get("/p");
        var isStored = cache.Put(CacheEntries.Ok("/p", CacheEntries.Epoch));
        cache.Flush();

        // Assert
        Assert.Null(entry);
        Assert.True(isStored);
        Assert.False(cache.IsMemoryOnly);
        var movedPath = Assert.Single(Directory.GetFiles(CacheDirPath, "cache.db.corrupt-*"));
        Assert.Equal(garbage, File.ReadAllBytes(movedPath));
        var warning = Assert.Single(_warnings);
        Assert.Contains(movedPath, warning, StringComparison.Ordinal);
        Assert.Equal("ok", IntegrityCheck(CacheFilePath));
    }

    [Fact]
    public void OpenInBackground_ThenRead_MovesADamagedFileAsideOnce()
    {
        // Arrange
        Directory.CreateDirectory(CacheDirPath);
        File.WriteAllBytes(CacheFilePath, [.. Enumerable.Repeat((byte)0xAB, 4096)]);
        using var cache = OpenCache();

        // Act: the read races the background open; either way the file is handled once.
        cache.OpenInBackground();
        var entries = cache.GetMany(["/p"]);

        // Assert
        Assert.Empty(entries);
        Assert.True(SpinWait.SpinUntil(() => File.Exists(CacheFilePath), TimeSpan.FromSeconds(5)));
        Assert.Single(Directory.GetFiles(CacheDirPath, "cache.db.corrupt-*"));
        Assert.Single(_warnings);
    }

    [Fact]
    public void Read_WhenPagesAreDamagedBehindASoundHeader_MovesTheFileAside()
    {
        // Arrange: a real file with a few hundred rows, then garbage over everything but page 1.
        using (var writer = OpenCache())
        {
            for (var index = 0; index < 300; index++)
            {
                writer.Put(CacheEntries.Ok($"/p{index}", CacheEntries.Epoch));
            }
        }

        using (var file = File.OpenWrite(CacheFilePath))
        {
            var garbage = new byte[file.Length - 4096];
            new Random(7).NextBytes(garbage);
            file.Position = 4096;
            file.Write(garbage);
        }

        using var cache = OpenCache();

        // Act
        var entries = cache.GetMany([.. Enumerable.Range(0, 300).Select(index => $"/p{index}")]);
        cache.Put(CacheEntries.Ok("/p1", CacheEntries.Epoch));
        cache.Flush();

        // Assert
        Assert.Empty(entries);
        Assert.Single(Directory.GetFiles(CacheDirPath, "cache.db.corrupt-*"));
        Assert.Single(_warnings);
        Assert.Equal("ok", IntegrityCheck(CacheFilePath));
    }

    [Fact]
    public void Open_WhenCacheFolderCannotBeCreated_KeepsEntriesInMemoryAndWarnsOnce()
    {
        // Arrange: a regular file where the folder should be stops even root, unlike chmod.
        Directory.CreateDirectory(Path.GetDirectoryName(CacheDirPath)!);
        File.WriteAllText(CacheDirPath, "not a folder");
        using var cache = OpenCache();

        // Act
        var isStored = cache.Put(CacheEntries.Ok("/p", CacheEntries.Epoch));
        cache.Flush();
        cache.Put(CacheEntries.Ok("/q", CacheEntries.Epoch));
        cache.Flush();

        // Assert
        Assert.True(isStored);
        Assert.True(cache.IsMemoryOnly);
        Assert.NotNull(cache.Get("/p"));
        Assert.Equal(2, cache.GetMany(["/p", "/q"]).Count);
        var warning = Assert.Single(_warnings);
        Assert.Contains(CacheDirPath, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WhenCacheFileIsAFolder_KeepsEntriesInMemoryAndWarnsOnce()
    {
        // Arrange
        Directory.CreateDirectory(CacheFilePath);
        using var cache = OpenCache();

        // Act
        cache.Put(CacheEntries.Ok("/p", CacheEntries.Epoch));
        cache.Flush();

        // Assert
        Assert.True(cache.IsMemoryOnly);
        Assert.NotNull(cache.Get("/p"));
        Assert.Single(_warnings);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CacheSchema.Version)]
    [InlineData(99)]
    public void Open_WhenLayoutIsUnknown_RebuildsItEmpty(int userVersion)
    {
        // Arrange: tables nobody knows, under a version this build has no migration from.
        Directory.CreateDirectory(CacheDirPath);
        ExecuteOnFile(CacheFilePath,
            $"CREATE TABLE results (dir TEXT, something_else BLOB); CREATE TABLE extra (x); PRAGMA user_version = {userVersion};");
        using var cache = OpenCache();

        // Act
        cache.Put(CacheEntries.Ok("/p", CacheEntries.Epoch));
        cache.Flush();

        // Assert
        using var reader = OpenCache();
        Assert.NotNull(reader.Get("/p"));
        Assert.Equal(CacheSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            QueryOnFile(CacheFilePath, "PRAGMA user_version;"));
        Assert.Equal("0", QueryOnFile(CacheFilePath, "SELECT count(*) FROM sqlite_master WHERE name = 'extra';"));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void File_AfterWrites_IsInWalMode()
    {
        // Arrange
        using var cache = OpenCache();

        // Act
        cache.Put(CacheEntries.Ok("/p", CacheEntries.Epoch));
        cache.Flush();

        // Assert
        Assert.Equal("wal", QueryOnFile(CacheFilePath, "PRAGMA journal_mode;"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Put_TwoInstancesHammeringOneFile_NewestPerProjectWins()
    {
        // Arrange: a shared clock so "newest" is well defined across both writers.
        var clock = 0L;
        var newestByProject = new long[20];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        using var first = OpenCache(TimeProvider.System);
        using var second = OpenCache(TimeProvider.System);

        // Act
        var writers = new[] { first, second }.Select((cache, seed) => Task.Run(() =>
        {
            var random = new Random(seed);
            while (DateTime.UtcNow < deadline)
            {
                var project = random.Next(newestByProject.Length);
                var tick = Interlocked.Increment(ref clock);
                var startedAt = CacheEntries.Epoch.AddTicks(tick);
                if (cache.Put(CacheEntries.Ok($"/p{project}", startedAt, CacheEntries.Tasks(($"{tick}", "todo")))))
                {
                    InterlockedMax(ref newestByProject[project], tick);
                }

                if (random.Next(10) == 0)
                {
                    cache.Flush();
                }
            }

            cache.Flush();
        })).ToArray();
        await Task.WhenAll(writers);
        first.Dispose();
        second.Dispose();

        // Assert
        using var reader = OpenCache();
        var entries = reader.GetMany([.. Enumerable.Range(0, newestByProject.Length).Select(index => $"/p{index}")]);
        for (var project = 0; project < newestByProject.Length; project++)
        {
            var stored = entries[$"/p{project}"];
            Assert.Equal(CacheEntries.Epoch.AddTicks(newestByProject[project]), stored.StartedAt);
        }

        Assert.Equal("ok", IntegrityCheck(CacheFilePath));
        Assert.Empty(_warnings);
    }

    public void Dispose() => _workspace.Dispose();

    private SqliteResultCache OpenCache(TimeProvider? time = null)
    {
        var cache = new SqliteResultCache(CacheDirPath, time ?? _time);
        cache.Warning += message =>
        {
            lock (_warnings)
            {
                _warnings.Add(message);
            }
        };
        return cache;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value
            && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    internal static string IntegrityCheck(string filePath) => QueryOnFile(filePath, "PRAGMA integrity_check;");

    internal static string QueryOnFile(string filePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={filePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static void ExecuteOnFile(string filePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={filePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
