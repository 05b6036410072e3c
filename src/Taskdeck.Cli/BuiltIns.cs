using Taskdeck.Core.Providers;

namespace Taskdeck.Cli;

/// <summary>The built-in providers this build of Taskdeck ships.</summary>
internal static class BuiltIns
{
    public static BuiltInProviders Create() => new([]);
}
