using Taskdeck.Core.Configuration;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Discovery;

/// <summary>
/// A project as found on disk, with its settings already merged over the global ones. A project
/// whose file is broken still exists, carrying <see cref="ConfigError"/> instead of settings.
/// </summary>
public sealed record Project(
    string Name,
    string DirPath,
    string? ConfigFilePath,
    TaskSettings? Settings,
    TimeSpan Interval,
    TimeSpan Timeout,
    StatusMap StatusMap,
    ConfigError? ConfigError = null)
{
    public string? ProviderName => Settings?.Provider;
}
