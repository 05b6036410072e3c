using Taskdeck.Core.Configuration;
using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Tests.Support;

/// <summary>
/// A throw-away folder with helpers to lay out projects and Taskdeck's own XDG folders inside it,
/// so no test touches the real home folder.
/// </summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        var path = Path.Combine(Path.GetTempPath(), "taskdeck-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);

        // The real path, so comparisons with discovered project folders hold even if /tmp is a link.
        RootPath = FileSystemPaths.RealPath(path)!;
        Paths = new TaskdeckPaths(
            Path.Combine(RootPath, "xdg-config", "taskdeck"),
            Path.Combine(RootPath, "xdg-cache", "taskdeck"),
            Path.Combine(RootPath, "xdg-data", "taskdeck"));
    }

    public string RootPath { get; }

    public TaskdeckPaths Paths { get; }

    /// <summary>The XDG variables that point Taskdeck at this workspace, for child processes.</summary>
    public IReadOnlyDictionary<string, string> XdgEnvironment => new Dictionary<string, string>
    {
        ["XDG_CONFIG_HOME"] = Path.GetDirectoryName(Paths.ConfigDirPath)!,
        ["XDG_CACHE_HOME"] = Path.GetDirectoryName(Paths.CacheDirPath)!,
        ["XDG_DATA_HOME"] = Path.GetDirectoryName(Paths.DataDirPath)!,
    };

    public string PathOf(string relativePath) => Path.Combine(RootPath, relativePath);

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string WriteFile(string relativePath, string content, bool isExecutable = false)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (isExecutable)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    /// <summary>Creates a project folder whose <c>.taskdeck.yaml</c> holds <paramref name="projectFileYaml"/>.</summary>
    public string AddProject(string name, string projectFileYaml)
    {
        WriteFile(Path.Combine(name, ProjectFile.FileName), projectFileYaml);
        return PathOf(name);
    }

    /// <summary>
    /// A project run by the fake provider program with the given arguments. The program is
    /// installed in the user's providers folder (as a link), so it runs without trust.
    /// </summary>
    public string AddFakeProject(string name, IReadOnlyDictionary<string, string>? args = null, string? extraTaskYaml = null)
    {
        var linkPath = Path.Combine(Paths.UserProvidersDirPath, FakeProvider.UserProviderName);
        if (!File.Exists(linkPath))
        {
            Directory.CreateDirectory(Paths.UserProvidersDirPath);
            File.CreateSymbolicLink(linkPath, FakeProvider.ExecutablePath);
        }

        var yaml = $"tasks:\n  provider: {FakeProvider.UserProviderName}\n";
        if (args is { Count: > 0 })
        {
            yaml += "  args:\n" + string.Concat(args.Select(pair => $"    {pair.Key}: \"{pair.Value}\"\n"));
        }

        return AddProject(name, yaml + (extraTaskYaml ?? ""));
    }

    /// <summary>
    /// A project whose provider is the script <c>./tasks.sh</c>, written by
    /// <see cref="WriteMarkedScript"/>; <paramref name="argsYaml"/> is one line of <c>args</c>.
    /// </summary>
    public string AddMarkedScriptProject(string name, string markerPath, string? argsYaml = null)
    {
        var yaml = "tasks:\n  provider: ./tasks.sh\n" + (argsYaml is null ? "" : $"  args:\n    {argsYaml}\n");
        var dirPath = AddProject(name, yaml);
        WriteMarkedScript(Path.Combine(name, "tasks.sh"), markerPath);
        return dirPath;
    }

    /// <summary>
    /// A provider script that appends a line to <paramref name="markerPath"/> each time it runs,
    /// so a test can prove whether it ran, and reports one task titled after its folder.
    /// </summary>
    public string WriteMarkedScript(string relativePath, string markerPath, string extraLine = "") =>
        WriteFile(relativePath, $$"""
            #!/bin/sh
            {{extraLine}}
            echo run >> '{{markerPath}}'
            printf '{"tasks": [{"id": "T-1", "title": "Task from %s", "status": "todo"}]}' "$(basename "$PWD")"

            """, isExecutable: true);

    /// <summary>
    /// A project whose own script, <c>tasks.sh</c>, prints its <c>tasks.json</c> (rewrite that file
    /// to change what the next run reports) and, with <paramref name="recordDirPath"/>, leaves a
    /// <c>start-PID</c> file there on every run. Returns the script's path.
    /// </summary>
    public string AddScriptProject(string name, string tasksJson, string? recordDirPath = null)
    {
        WriteFile(Path.Combine(name, "tasks.json"), tasksJson);
        var record = recordDirPath is null ? "" : $"touch \"{recordDirPath}/start-$$\"\n";
        var scriptPath = WriteFile(Path.Combine(name, "tasks.sh"), $"#!/bin/sh\n{record}cat tasks.json\n", isExecutable: true);
        AddProject(name, "tasks:\n  provider: ./tasks.sh\n");
        return scriptPath;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(RootPath, recursive: true);
        }
        catch (IOException)
        {
            // A provider killed a moment ago may still be closing a file; the OS temp cleanup gets it.
        }
        catch (UnauthorizedAccessException)
        {
            // Tests of read-only folders leave some behind; the OS temp cleanup gets them.
        }
    }
}
