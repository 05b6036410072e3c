using System.Collections.Immutable;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Discovery;

/// <summary>
/// Turns starting folders into projects: walks up from each to the nearest project file, the way
/// git finds <c>.git</c>, and keeps each project once, in the order it was first found.
/// </summary>
public sealed class ProjectFinder(GlobalConfig config)
{
    public DiscoveryResult Find(IEnumerable<StartFolder> startFolders)
    {
        var projects = ImmutableArray.CreateBuilder<Project>();
        var hints = ImmutableArray.CreateBuilder<string>();
        var seenDirPaths = new HashSet<string>(StringComparer.Ordinal);
        var hintedPaths = new HashSet<string>(StringComparer.Ordinal);

        foreach (var start in startFolders)
        {
            var startDirPath = FileSystemPaths.RealPath(start.Path);
            if (startDirPath is null || !Directory.Exists(startDirPath))
            {
                if (hintedPaths.Add(start.Path))
                {
                    hints.Add($"'{start.Path}' does not exist or is not a folder.");
                }

                continue;
            }

            var project = FindAbove(startDirPath, start.MayUseDefaultProvider);
            if (project is null)
            {
                if (hintedPaths.Add(startDirPath))
                {
                    hints.Add($"No {ProjectFile.FileName} in '{startDirPath}' or any folder above it; add one to show its tasks (see `taskdeck check`).");
                }

                continue;
            }

            if (seenDirPaths.Add(project.DirPath))
            {
                projects.Add(project);
            }
        }

        return new DiscoveryResult(projects.ToImmutable(), hints.ToImmutable());
    }

    /// <summary>The nearest project at or above <paramref name="startDirPath"/>, if any.</summary>
    public Project? FindAbove(string startDirPath, bool mayUseDefaultProvider = false)
    {
        for (var dir = startDirPath; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var filePath = ProjectFilePathIn(dir);
            if (filePath is not null)
            {
                return Load(dir, filePath);
            }
        }

        if (mayUseDefaultProvider && config.DefaultProvider is { Length: > 0 } provider)
        {
            return Merge(startDirPath, null, null, TaskSettings.ForProvider(provider));
        }

        return null;
    }

    /// <summary>The project file a folder holds; <c>.taskdeck.yaml</c> wins over navi's file.</summary>
    public static string? ProjectFilePathIn(string dirPath)
    {
        var own = Path.Combine(dirPath, ProjectFile.FileName);
        if (File.Exists(own))
        {
            return own;
        }

        var navi = Path.Combine(dirPath, ProjectFile.NaviFileName);
        return File.Exists(navi) ? navi : null;
    }

    private Project Load(string dirPath, string filePath)
    {
        try
        {
            var file = ProjectFile.Load(filePath);
            var settings = file.Tasks;
            if (settings is null)
            {
                if (config.DefaultProvider is not { Length: > 0 } provider)
                {
                    throw new ConfigException(new ConfigError(filePath, "has no 'tasks.provider' and the global config names no 'tasks.default_provider'; add for example:\n  tasks:\n    provider: markdown-tasks"));
                }

                settings = TaskSettings.ForProvider(provider);
            }

            return Merge(dirPath, filePath, file.Name, settings);
        }
        catch (ConfigException exception)
        {
            return new Project(
                Path.GetFileName(dirPath), dirPath, filePath, null,
                config.Interval, config.Timeout, config.StatusMap, exception.Error);
        }
    }

    private Project Merge(string dirPath, string? filePath, string? name, TaskSettings settings) =>
        new(
            name ?? Path.GetFileName(dirPath),
            dirPath,
            filePath,
            settings,
            settings.Interval ?? config.Interval,
            settings.Timeout ?? config.Timeout,
            settings.StatusMap.Over(config.StatusMap));
}
