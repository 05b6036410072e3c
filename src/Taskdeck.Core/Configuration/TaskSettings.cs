using System.Collections.Immutable;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Configuration;

/// <summary>The <c>tasks</c> section of a project file.</summary>
public sealed record TaskSettings(
    string Provider,
    ImmutableSortedDictionary<string, string> Args,
    TimeSpan? Interval,
    TimeSpan? Timeout,
    StatusMap StatusMap)
{
    public static TaskSettings ForProvider(string provider) =>
        new(provider, ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal), null, null, StatusMap.Empty);
}
