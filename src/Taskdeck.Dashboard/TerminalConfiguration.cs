using Terminal.Gui.Configuration;

namespace Taskdeck.Dashboard;

/// <summary>
/// Applies Terminal.Gui's configuration (themes, key bindings, glyphs) before the first screen,
/// in the native build, where the library's own start-up step is left out so that commands that
/// never draw a screen do not pay for it.
/// </summary>
internal static class TerminalConfiguration
{
    /// <summary>Set by the native build (Taskdeck.Cli.csproj) that empties the library's initializer.</summary>
    private const string SwitchName = "Taskdeck.Dashboard.ConfigureTerminalOnStart";

    // It takes about 20 ms, so it runs beside the search for projects rather than after it, on a
    // thread of its own so that the cache, opening on the thread pool meanwhile, does not wait.
    private static readonly Lazy<Task> s_applying = new(() =>
        Task.Factory.StartNew(Apply, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    public static void StartApplying() => _ = s_applying.Value;

    public static void EnsureApplied() => s_applying.Value.GetAwaiter().GetResult();

    private static void Apply()
    {
        if (AppContext.TryGetSwitch(SwitchName, out var mustApply) && mustApply)
        {
            TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        }
    }
}
