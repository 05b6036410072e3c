using System.Collections.Immutable;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Tests.Support;

/// <summary>Builds <see cref="Project"/> values directly, for tests that do not need discovery.</summary>
public static class ProjectFactory
{
    public static Project Create(
        string dirPath,
        string provider,
        IReadOnlyDictionary<string, string>? args = null,
        TimeSpan? interval = null,
        TimeSpan? timeout = null,
        string? name = null)
    {
        var settings = TaskSettings.ForProvider(provider) with
        {
            Args = (args ?? new Dictionary<string, string>()).ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
        return new Project(
            name ?? Path.GetFileName(dirPath),
            dirPath,
            Path.Combine(dirPath, ProjectFile.FileName),
            settings,
            interval ?? TimeSpan.FromSeconds(60),
            timeout ?? TimeSpan.FromSeconds(20),
            StatusMap.Empty);
    }
}
