namespace Taskdeck.Core.Platform;

/// <summary>Finds a command the way a shell would, along a PATH value.</summary>
public static class ExecutableSearch
{
    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>
    /// The first executable file named <paramref name="name"/> along <paramref name="searchPath"/>,
    /// or null.
    /// </summary>
    public static string? Find(string name, string? searchPath)
    {
        if (string.IsNullOrEmpty(searchPath))
        {
            return null;
        }

        var fileNames = OperatingSystem.IsWindows() ? [name + ".exe", name] : new[] { name };
        foreach (var dirPath in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathRooted(dirPath))
            {
                // A relative PATH entry would depend on the folder Taskdeck happens to run in.
                continue;
            }

            foreach (var fileName in fileNames)
            {
                var path = Path.Combine(dirPath, fileName);
                if (File.Exists(path) && IsExecutable(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    public static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & AnyExecute) != 0;
}
