using System.Globalization;

namespace Taskdeck.Core.Caching;

/// <summary>
/// Moves a cache file SQLite cannot read out of the way, with its journal files, so Taskdeck can
/// start a new one while the old one stays around for whoever wants to look at it.
/// </summary>
internal static class DamagedCacheFile
{
    private static readonly string[] CompanionSuffixes = ["-wal", "-shm"];

    /// <summary>
    /// Renames <paramref name="filePath"/> to <c>NAME.corrupt-TIMESTAMP</c> and returns the new
    /// path, or null when the file had already gone (another process moved it first).
    /// </summary>
    public static string? MoveAside(string filePath, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var targetPath = $"{filePath}.corrupt-{stamp}";
        for (var attempt = 2; File.Exists(targetPath); attempt++)
        {
            targetPath = $"{filePath}.corrupt-{stamp}-{attempt}";
        }

        try
        {
            File.Move(filePath, targetPath);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        foreach (var suffix in CompanionSuffixes)
        {
            try
            {
                File.Move(filePath + suffix, targetPath + suffix);
            }
            catch (FileNotFoundException)
            {
                // Most damaged files have no journal beside them.
            }
        }

        return targetPath;
    }

    /// <summary>Deletes the copies <see cref="MoveAside"/> left, as part of emptying the cache.</summary>
    public static void DeleteMovedCopies(string filePath)
    {
        var dirPath = Path.GetDirectoryName(filePath)!;
        if (!Directory.Exists(dirPath))
        {
            return;
        }

        foreach (var copyPath in Directory.EnumerateFiles(dirPath, $"{Path.GetFileName(filePath)}.corrupt-*"))
        {
            try
            {
                File.Delete(copyPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A copy that cannot be deleted holds no results; leaving it does no harm.
            }
        }
    }
}
