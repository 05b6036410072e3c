using System.Collections.Concurrent;

namespace Taskdeck.Core.Caching;

/// <summary>The in-process cache: the whole cache with <c>--no-persist</c>-like setups and in tests.</summary>
public sealed class MemoryResultCache : IResultCache
{
    private readonly ConcurrentDictionary<string, CacheEntry> _entriesByDirPath = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();

    public CacheEntry? Get(string projectDirPath) => _entriesByDirPath.GetValueOrDefault(projectDirPath);

    public IReadOnlyDictionary<string, CacheEntry> GetMany(IReadOnlyCollection<string> projectDirPaths) =>
        projectDirPaths
            .Select(Get)
            .OfType<CacheEntry>()
            .ToDictionary(entry => entry.ProjectDirPath, StringComparer.Ordinal);

    public bool Put(CacheEntry entry)
    {
        lock (_writeLock)
        {
            if (_entriesByDirPath.TryGetValue(entry.ProjectDirPath, out var existing) && existing.StartedAt > entry.StartedAt)
            {
                return false;
            }

            _entriesByDirPath[entry.ProjectDirPath] = entry;
            return true;
        }
    }

    public void Flush()
    {
    }

    public void Clear() => _entriesByDirPath.Clear();
}
