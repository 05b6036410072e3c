namespace Taskdeck.Core.Caching;

/// <summary>Remembers each project's latest results, keyed by the project's real path.</summary>
public interface IResultCache
{
    /// <summary>The entry for a project, whatever its fingerprint, or null.</summary>
    CacheEntry? Get(string projectDirPath);

    /// <summary>Entries for many projects at once (one read on start instead of one per project).</summary>
    IReadOnlyDictionary<string, CacheEntry> GetMany(IReadOnlyCollection<string> projectDirPaths);

    /// <summary>
    /// Stores an entry unless the cache holds one from a run that started later; returns whether
    /// it was stored.
    /// </summary>
    bool Put(CacheEntry entry);

    /// <summary>Writes out anything buffered; a no-op for caches that write through.</summary>
    void Flush();

    void Clear();
}
