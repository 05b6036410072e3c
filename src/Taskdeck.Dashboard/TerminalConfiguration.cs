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

    private static bool s_isApplied;

    public static void EnsureApplied()
    {
        if (s_isApplied)
        {
            return;
        }

        s_isApplied = true;
        if (AppContext.TryGetSwitch(SwitchName, out var mustApply) && mustApply)
        {
            TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        }
    }
}
