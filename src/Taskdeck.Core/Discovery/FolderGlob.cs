using System.IO.Enumeration;

namespace Taskdeck.Core.Discovery;

/// <summary>Expands <c>*</c> and <c>?</c> in folder paths such as <c>~/code/*</c>.</summary>
public static class FolderGlob
{
    /// <summary>Matching folders in ordinal order, so the source order never depends on the disk.</summary>
    public static IEnumerable<string> Expand(string pattern)
    {
        var fullPattern = Path.GetFullPath(pattern);
        if (fullPattern.IndexOfAny(['*', '?']) < 0)
        {
            return [fullPattern];
        }

        var root = Path.GetPathRoot(fullPattern)!;
        var segments = fullPattern[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> current = [root];
        foreach (var segment in segments)
        {
            current = segment.IndexOfAny(['*', '?']) < 0
                ? current.Select(dir => Path.Combine(dir, segment))
                : current.SelectMany(dir => Matching(dir, segment));
        }

        return current.Where(Directory.Exists);
    }

    private static IEnumerable<string> Matching(string dirPath, string segment)
    {
        if (!Directory.Exists(dirPath))
        {
            return [];
        }

        try
        {
            var matches = Directory.EnumerateDirectories(dirPath)
                .Where(path => FileSystemName.MatchesSimpleExpression(segment, Path.GetFileName(path), ignoreCase: false))
                .Where(path => segment.StartsWith('.') || !Path.GetFileName(path).StartsWith('.'))
                .ToList();
            matches.Sort(StringComparer.Ordinal);
            return matches;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
