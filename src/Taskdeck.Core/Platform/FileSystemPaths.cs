using System.Runtime.InteropServices;

namespace Taskdeck.Core.Platform;

/// <summary>Path questions that need the file system's answer, not string handling.</summary>
public static class FileSystemPaths
{
    /// <summary>The canonical path with every link resolved, or null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return Path.Exists(fullPath) ? fullPath : null;
        }

        var resolved = NativeMethods.RealPath(fullPath, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            NativeMethods.Free(resolved);
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="dirPath"/> or lies below it.</summary>
    public static bool IsInside(string path, string dirPath)
    {
        var dir = Path.TrimEndingDirectorySeparator(dirPath);
        return path == dir
            || (path.StartsWith(dir, StringComparison.Ordinal) && path.Length > dir.Length
                && path[dir.Length] == Path.DirectorySeparatorChar);
    }

    /// <summary>
    /// Resolves <paramref name="relativePath"/> against a project folder, links included, and
    /// returns null when the result leaves that folder. A path that does not exist yet is checked
    /// through its nearest existing parent.
    /// </summary>
    public static string? ResolveInside(string projectDirPath, string relativePath)
    {
        if (Path.IsPathRooted(relativePath))
        {
            return null;
        }

        var candidate = Path.GetFullPath(Path.Combine(projectDirPath, relativePath));
        var existing = candidate;
        var missingTail = "";
        while (!Path.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return null;
            }

            missingTail = Path.Combine(Path.GetFileName(existing), missingTail);
            existing = parent;
        }

        var real = RealPath(existing);
        if (real is null)
        {
            return null;
        }

        var resolved = missingTail.Length == 0 ? real : Path.Combine(real, missingTail.TrimEnd('/'));
        return IsInside(resolved, projectDirPath) ? resolved : null;
    }
}
