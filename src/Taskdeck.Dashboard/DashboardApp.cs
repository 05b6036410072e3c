using Terminal.Gui.App;
using Terminal.Gui.Input;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Trust;
using Taskdeck.Dashboard.Live;
using Taskdeck.Dashboard.Views;

namespace Taskdeck.Dashboard;

/// <summary>
/// The interactive dashboard (<c>taskdeck [PATH…]</c>): opens the terminal, shows what is cached at
/// once, keeps every project live until the user quits, then stops every provider and gives the
/// terminal back as it was.
/// </summary>
public sealed class DashboardApp(
    RefreshEngine engine,
    ProviderRunner runner,
    TimeProvider time,
    ITrustStore? trustStore,
    string globalConfigFilePath,
    IUrlOpener? urlOpener = null)
{
    /// <summary>How long quitting waits for killed providers to be gone.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Starts preparing the terminal library in the background, so that it is ready by the time
    /// <see cref="Run"/> is called; calling it is optional.
    /// </summary>
    public static void PrepareTerminal() => TerminalConfiguration.StartApplying();

    /// <summary>
    /// Runs the dashboard until q, Ctrl-C or <paramref name="cancellationToken"/>; says which, so
    /// an interruption can exit as one.
    /// </summary>
    public DashboardExit Run(IReadOnlyList<Project> projects, RefreshMode mode, CancellationToken cancellationToken)
    {
        DashboardSession? session = null;
        IApplication? app = null;
        var isClosed = false;
        var exit = DashboardExit.Quit;
        try
        {
            // The cached results are read while the terminal library finishes its set-up on its
            // own thread; nothing is posted to the application before it exists (Start comes later).
            session = CreateSession(() => app, projects, mode, () => isClosed, cancellationToken);
            TerminalConfiguration.EnsureApplied();
            using (app = Application.Create().Init())
            {
                using var screen = CreateScreen(app, session);
                using var registration = cancellationToken.Register(() => app.Invoke(app.RequestStop));
                session.Start();
                app.Run(screen);
                isClosed = true;
                exit = screen.Exit;
            }
        }
        finally
        {
            isClosed = true;

            // The terminal is already restored; now make sure no provider outlives the dashboard.
            session?.Stop(StopGrace);
            session?.Dispose();
        }

        return cancellationToken.IsCancellationRequested ? DashboardExit.Interrupted : exit;
    }

    internal DashboardSession CreateSession(
        Func<IApplication?> app, IReadOnlyList<Project> projects, RefreshMode mode, Func<bool> isClosed, CancellationToken cancellationToken) =>
        new(engine, runner, projects, time, mode, trustStore, action =>
        {
            if (!isClosed() && app() is { } current)
            {
                current.Invoke(action);
            }
        }, cancellationToken);

    /// <summary>Builds the screen on an initialised application and wires quitting and the clock tick.</summary>
    internal DashboardScreen CreateScreen(IApplication app, DashboardSession session)
    {
        var screen = new DashboardScreen(session, urlOpener ?? new SystemUrlOpener(), globalConfigFilePath);
        screen.QuitRequested += app.RequestStop;
        ConfigureKeys(app, screen);

        // Running marks, the spinner-free "refreshing N/M" and result ages change without a key press.
        var ticks = 0;
        app.AddTimeout(TickInterval, () =>
        {
            var hasChanged = session.SyncRunning();
            if (hasChanged || session.RunsInFlight > 0 || ++ticks % 4 == 0)
            {
                screen.Redraw();
            }

            return true;
        });
        return screen;
    }

    /// <summary>
    /// Esc clears the search here instead of quitting; Ctrl-C quits wherever the focus is. The
    /// terminal is raw, so Ctrl-C arrives as a key rather than SIGINT, and counts as an interruption.
    /// </summary>
    internal static void ConfigureKeys(IApplication app, DashboardScreen screen)
    {
        app.Keyboard.KeyBindings.Remove(Key.Esc);
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key == Key.C.WithCtrl)
            {
                key.Handled = true;
                screen.Quit(DashboardExit.Interrupted);
            }
        };
    }
}
