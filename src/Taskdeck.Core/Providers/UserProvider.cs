using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Providers;

/// <summary>A file in the user's providers folder, named in project files by its bare name.</summary>
public sealed record UserProvider(string Name, string FilePath, bool IsExecutable)
{
    /// <summary>The files of <paramref name="dirPath"/> by name; none when it does not exist.</summary>
    public static IReadOnlyList<UserProvider> ListIn(string dirPath)
    {
        if (!Directory.Exists(dirPath))
        {
            return [];
        }

        // Links count when they lead to a file, as the resolver follows them too.
        return Directory.EnumerateFiles(dirPath)
            .Where(File.Exists)
            .Select(path =>
                new UserProvider(Path.GetFileName(path), path, ExecutableSearch.IsExecutable(path)))
            .OrderBy(provider => provider.Name, StringComparer.Ordinal)
            .ToList();
    }
}
