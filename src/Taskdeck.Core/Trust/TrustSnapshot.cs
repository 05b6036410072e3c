using System.Collections.Immutable;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;

namespace Taskdeck.Core.Trust;

/// <summary>
/// Everything that decides what a project runs, as it is at one moment: the project's real folder,
/// the provider and arguments its file names, the project file and the script (links resolved).
/// Trusting a project records a snapshot; the project runs while a new snapshot matches it.
/// </summary>
/// <param name="ProjectFile">Null for a folder adopted by the global default provider (no project file).</param>
public sealed record TrustSnapshot(
    string ProjectDirPath,
    string ProviderName,
    ImmutableSortedDictionary<string, string> Args,
    TrustedFile? ProjectFile,
    TrustedFile Script)
{
    /// <summary>Reads the project file and the script now.</summary>
    public static TrustSnapshot Capture(Project project, ResolvedProvider provider)
    {
        if (provider.ExecutablePath is not { } scriptPath || project.Settings is not { } settings)
        {
            throw new ArgumentException($"Project '{project.Name}' runs no script, so there is nothing to trust.", nameof(provider));
        }

        return new TrustSnapshot(
            project.DirPath,
            settings.Provider,
            settings.Args,
            project.ConfigFilePath is { } filePath ? TrustedFile.Read(filePath) : null,
            TrustedFile.Read(scriptPath));
    }

    /// <summary>Whether every file could be read; an unreadable file cannot be trusted.</summary>
    public bool IsComplete => Script.IsReadable && (ProjectFile?.IsReadable ?? true);

    /// <summary>Whether <paramref name="current"/> runs exactly what this snapshot allowed.</summary>
    public bool IsMatchedBy(TrustSnapshot current) =>
        current.ProjectDirPath == ProjectDirPath
        && current.ProviderName == ProviderName
        && HasSameArgs(current)
        && Script.IsSameAs(current.Script)
        && (ProjectFile is null ? current.ProjectFile is null : ProjectFile.IsSameAs(current.ProjectFile));

    public bool HasSameArgs(TrustSnapshot other) =>
        Args.Count == other.Args.Count
        && Args.All(pair => other.Args.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
