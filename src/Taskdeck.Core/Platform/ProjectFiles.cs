using System.Diagnostics.CodeAnalysis;

namespace Taskdeck.Core.Platform;

/// <summary>
/// Opens files a provider named (a task's <c>file</c>) for display, only when they really lie
/// inside the project folder: links are resolved first, and on Linux the opened file is checked
/// again, so a link swapped in between cannot lead outside either.
/// </summary>
public static class ProjectFiles
{
    /// <summary>
    /// Opens <paramref name="relativePath"/> inside <paramref name="projectDirPath"/> for reading,
    /// or says in a sentence why it will not be shown.
    /// </summary>
    public static bool TryOpenInside(
        string projectDirPath,
        string relativePath,
        [NotNullWhen(true)] out Stream? stream,
        [NotNullWhen(false)] out string? problem)
    {
        stream = null;
        var realDirPath = FileSystemPaths.RealPath(projectDirPath);
        if (realDirPath is null)
        {
            problem = $"The project folder '{projectDirPath}' no longer exists.";
            return false;
        }

        var path = FileSystemPaths.ResolveInside(realDirPath, relativePath);
        if (path is null)
        {
            problem = $"'{relativePath}' leads outside the project folder '{realDirPath}' (through '..', an absolute path or a link), so it is not shown.";
            return false;
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            problem = $"'{relativePath}' does not exist in the project folder '{realDirPath}'.";
            return false;
        }

        // A named pipe reports no length and would block the reader forever; an empty file has
        // nothing to show anyway.
        if (info.Length == 0)
        {
            stream = new MemoryStream([], writable: false);
            problem = null;
            return true;
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"'{relativePath}' in project folder '{realDirPath}' cannot be read: {exception.Message}";
            return false;
        }

        if (OpenedPath(file) is { } openedPath && !FileSystemPaths.IsInside(openedPath, realDirPath))
        {
            file.Dispose();
            problem = $"'{relativePath}' was replaced by a link leading outside the project folder '{realDirPath}', so it is not shown.";
            return false;
        }

        stream = file;
        problem = null;
        return true;
    }

    /// <summary>Where an open file really is, as the kernel sees it (Linux only; null elsewhere).</summary>
    private static string? OpenedPath(FileStream file)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var descriptor = file.SafeFileHandle.DangerousGetHandle();
        return new FileInfo($"/proc/self/fd/{descriptor}").LinkTarget;
    }
}
