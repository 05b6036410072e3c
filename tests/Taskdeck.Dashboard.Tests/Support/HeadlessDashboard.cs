using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Trust;
using Taskdeck.Dashboard.Live;
using Taskdeck.Dashboard.Views;

namespace Taskdeck.Dashboard.Tests.Support;

/// <summary>
/// The real dashboard screen on Terminal.Gui's headless driver: a fixed screen size, keys injected
/// one by one, the screen read back as text. Everything happens on the test's thread, synchronously.
/// </summary>
internal sealed class HeadlessDashboard : IDisposable
{
    private readonly SessionToken? _token;

    public HeadlessDashboard(
        IReadOnlyList<ProjectResult> results,
        int width = 80,
        int height = 24,
        ITrustStore? trustStore = null,
        IUrlOpener? urlOpener = null)
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        Time = new FakeTimeProvider(Build.Now);
        Runner = new ProviderRunner(new ProviderResolver(new BuiltInProviders([]), "/nonexistent/providers"), TrustEveryone.Instance);
        Engine = new RefreshEngine(Runner, new MemoryResultCache(), Time, concurrency: 4);
        UrlOpener = urlOpener as RecordingUrlOpener ?? new RecordingUrlOpener();

        App = Application.Create().Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        var dashboard = new DashboardApp(Engine, Runner, Time, trustStore, "/home/me/.config/taskdeck/config.yaml", urlOpener ?? UrlOpener);
        Session = dashboard.CreateSession(App, [.. results.Select(result => result.Project)], RefreshMode.CachedOnly, () => false, CancellationToken.None);
        foreach (var result in results)
        {
            Session.Model.Apply(result);
        }

        Screen = dashboard.CreateScreen(App, Session);
        _token = App.Begin(Screen);
        Draw();
    }

    public IApplication App { get; }

    public FakeTimeProvider Time { get; }

    public ProviderRunner Runner { get; }

    public RefreshEngine Engine { get; }

    public DashboardSession Session { get; }

    public DashboardScreen Screen { get; }

    public RecordingUrlOpener UrlOpener { get; }

    public string Text => App.Driver!.ToString()!;

    /// <summary>The screen's rows, top to bottom.</summary>
    public IReadOnlyList<string> Lines => Text.TrimEnd('\n').Split('\n').Select(line => line.TrimEnd('\r')).ToList();

    /// <summary>The line holding <paramref name="text"/>, or a failure showing the whole screen.</summary>
    public string LineWith(string text) =>
        Lines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No line holds '{text}'. The screen:\n{Text}");

    public void Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            App.InjectKey(key);
        }

        Draw();
    }

    public void Type(string text) => Press([.. text.Select(c => (Key)c)]);

    public void Draw() => App.LayoutAndDraw();

    public void Dispose()
    {
        if (_token is not null)
        {
            App.End(_token);
        }

        Screen.Dispose();

        // A key may have started a provider run; it must not outlive the test.
        Session.Stop(TimeSpan.FromSeconds(5));
        Session.Dispose();
        Engine.Dispose();
        App.Dispose();
    }
}
