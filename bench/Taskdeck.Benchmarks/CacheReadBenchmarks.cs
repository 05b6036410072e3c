using BenchmarkDotNet.Attributes;
using Taskdeck.Core.Caching;

namespace Taskdeck.Benchmarks;

/// <summary>
/// What start-up pays for the cache: opening the file and reading every project's entry in one
/// query, as <c>taskdeck list</c> does before anything is shown.
/// </summary>
[MemoryDiagnoser]
public class CacheReadBenchmarks
{
    private string _cacheDirPath = "";
    private List<string> _projectDirPaths = [];

    [Params(1000)]
    public int Projects { get; set; }

    [GlobalSetup]
    public void FillFile()
    {
        _cacheDirPath = CacheBenchmarkData.NewCacheDirPath();
        var entries = CacheBenchmarkData.Entries(Projects, CacheBenchmarkData.Epoch, isRepeat: true);
        using var cache = new SqliteResultCache(_cacheDirPath, TimeProvider.System);
        foreach (var entry in entries)
        {
            cache.Put(entry);
        }

        _projectDirPaths = entries.Select(entry => entry.ProjectDirPath).ToList();
    }

    [Benchmark]
    public int OpenAndGetMany()
    {
        using var cache = new SqliteResultCache(_cacheDirPath, TimeProvider.System);
        return cache.GetMany(_projectDirPaths).Count;
    }

    [GlobalCleanup]
    public void DeleteFiles() => Directory.Delete(_cacheDirPath, recursive: true);
}
