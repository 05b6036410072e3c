namespace Taskdeck.Core.Configuration;

/// <summary>Where Taskdeck keeps its files, following the XDG base directory variables.</summary>
public sealed record TaskdeckPaths(string ConfigDirPath, string CacheDirPath, string DataDirPath)
{
    public string GlobalConfigFilePath => Path.Combine(ConfigDirPath, "config.yaml");

    public string UserProvidersDirPath => Path.Combine(ConfigDirPath, "providers");

    public static TaskdeckPaths FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var home = getVariable("HOME") is { Length: > 0 } homeValue
            ? homeValue
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        string Base(string variable, string fallback) =>
            getVariable(variable) is { Length: > 0 } value && Path.IsPathRooted(value)
                ? value
                : Path.Combine(home, fallback);

        return new TaskdeckPaths(
            Path.Combine(Base("XDG_CONFIG_HOME", ".config"), "taskdeck"),
            Path.Combine(Base("XDG_CACHE_HOME", ".cache"), "taskdeck"),
            Path.Combine(Base("XDG_DATA_HOME", Path.Combine(".local", "share")), "taskdeck"));
    }

    /// <summary>Expands a leading <c>~</c> the way a shell would.</summary>
    public static string ExpandHome(string path, string homeDirPath) =>
        path == "~" ? homeDirPath
        : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(homeDirPath, path[2..])
        : path;
}
