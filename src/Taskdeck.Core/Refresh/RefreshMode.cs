namespace Taskdeck.Core.Refresh;

/// <summary>How much to trust the cache when refreshing.</summary>
public enum RefreshMode
{
    /// <summary>Use fresh cached results, run the rest.</summary>
    Normal,

    /// <summary>Run every provider now (<c>--no-cache</c>, <c>r</c> in the dashboard).</summary>
    Force,

    /// <summary>Run nothing; show only what is cached (<c>--cached</c>).</summary>
    CachedOnly,
}
