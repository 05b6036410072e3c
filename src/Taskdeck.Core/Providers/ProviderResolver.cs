using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Providers;

/// <summary>
/// Turns the provider a project file names into something runnable: a built-in, a file in the
/// user's providers folder (bare names), a script inside the project (relative paths, never
/// leaving the project), or an absolute path.
/// </summary>
public sealed class ProviderResolver(BuiltInProviders builtIns, string userProvidersDirPath)
{
    public BuiltInProviders BuiltIns { get; } = builtIns;

    public string UserProvidersDirPath { get; } = userProvidersDirPath;

    /// <summary>The provider, or a failure saying why it cannot run.</summary>
    public (ResolvedProvider? Provider, RunFailure? Failure) Resolve(Project project)
    {
        var name = project.ProviderName;
        if (name is null)
        {
            return (null, new RunFailure(FailureKind.Config, project.ConfigError?.ToString() ?? "The project names no provider."));
        }

        if (BuiltIns.Find(name) is { } builtIn)
        {
            return (new ResolvedProvider(name, ProviderKind.BuiltIn, null, builtIn), null);
        }

        var fileText = project.ConfigFilePath ?? "the global config";
        if (!name.Contains('/', StringComparison.Ordinal) && !name.StartsWith('~'))
        {
            var userPath = Path.Combine(UserProvidersDirPath, name);
            return File.Exists(userPath)
                ? Executable(name, ProviderKind.UserFolder, userPath)
                : (null, new RunFailure(FailureKind.NotFound,
                    $"Project '{project.Name}' ({fileText}) names provider '{name}', which is neither a built-in ({string.Join(", ", BuiltIns.All.Select(p => p.Name))}) nor a file in {UserProvidersDirPath}. Write a path such as './{name}' for a script inside the project."));
        }

        if (name.StartsWith('~') || Path.IsPathRooted(name))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var absolutePath = Path.GetFullPath(TaskdeckPaths.ExpandHome(name, home));
            var userDir = FileSystemPaths.RealPath(UserProvidersDirPath);
            var realPath = FileSystemPaths.RealPath(absolutePath);
            var kind = userDir is not null && realPath is not null && FileSystemPaths.IsInside(realPath, userDir)
                ? ProviderKind.UserFolder
                : ProviderKind.AbsolutePath;
            return File.Exists(absolutePath)
                ? Executable(name, kind, absolutePath)
                : (null, new RunFailure(FailureKind.NotFound, $"Project '{project.Name}' ({fileText}) names provider '{name}', but there is no file at '{absolutePath}'."));
        }

        var insidePath = FileSystemPaths.ResolveInside(project.DirPath, name);
        if (insidePath is null)
        {
            return (null, new RunFailure(FailureKind.Config,
                $"Project '{project.Name}' ({fileText}) names provider '{name}', which leads outside the project folder '{project.DirPath}'; a relative provider path must stay inside the project (use an absolute path or your providers folder for shared scripts)."));
        }

        return File.Exists(insidePath)
            ? Executable(name, ProviderKind.ProjectScript, insidePath)
            : (null, new RunFailure(FailureKind.NotFound, $"Project '{project.Name}' ({fileText}) names provider '{name}', but '{insidePath}' does not exist."));
    }

    private static (ResolvedProvider?, RunFailure?) Executable(string name, ProviderKind kind, string path)
    {
        if (!ExecutableSearch.IsExecutable(path))
        {
            return (null, new RunFailure(FailureKind.NotFound, $"Provider '{path}' is not executable; run: chmod +x '{path}'"));
        }

        return (new ResolvedProvider(name, kind, path, null), null);
    }
}
