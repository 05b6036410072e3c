using BenchmarkDotNet.Attributes;
using Taskdeck.Core.Caching;

namespace Taskdeck.Benchmarks;

/// <summary>
/// Storing the results of one refresh of many projects: each result is put as it lands, then
/// one flush writes them all. Target: 1,000 results in under 200 ms in total.
/// </summary>
[MemoryDiagnoser]
public class CacheWriteBenchmarks
{
    private string _cacheDirPath = "";
    private SqliteResultCache? _cache;
    private List<CacheEntry> _entries = [];
    private int _round;

    [Params(1000)]
    public int Results { get; set; }

    [IterationSetup(Target = nameof(PutAndFlushIntoEmptyFile))]
    public void SetUpEmptyFile()
    {
        _cacheDirPath = CacheBenchmarkData.NewCacheDirPath();
        _cache = new SqliteResultCache(_cacheDirPath, TimeProvider.System);
        _entries = CacheBenchmarkData.Entries(Results, CacheBenchmarkData.Epoch, isRepeat: false);
    }

    [IterationSetup(Target = nameof(PutAndFlushOverPreviousResults))]
    public void SetUpFilledFile()
    {
        if (_round++ == 0)
        {
            _cacheDirPath = CacheBenchmarkData.NewCacheDirPath();
        }

        _cache = new SqliteResultCache(_cacheDirPath, TimeProvider.System);

        // Each round is a later refresh, so every put passes the newer-run check and updates a row.
        _entries = CacheBenchmarkData.Entries(Results, CacheBenchmarkData.Epoch.AddMinutes(_round), isRepeat: true);
    }

    /// <summary>The first refresh: every row is new (includes creating the file).</summary>
    [Benchmark]
    public void PutAndFlushIntoEmptyFile() => PutAllAndFlush();

    /// <summary>A later refresh: every row is replaced.</summary>
    [Benchmark(Baseline = true)]
    public void PutAndFlushOverPreviousResults() => PutAllAndFlush();

    [IterationCleanup]
    public void CleanUp() => _cache?.Dispose();

    [GlobalCleanup]
    public void DeleteFiles()
    {
        var rootPath = Path.GetDirectoryName(_cacheDirPath);
        if (rootPath is not null && Directory.Exists(rootPath))
        {
            Directory.Delete(rootPath, recursive: true);
        }
    }

    private void PutAllAndFlush()
    {
        foreach (var entry in _entries)
        {
            _cache!.Put(entry);
        }

        _cache!.Flush();
    }
}
