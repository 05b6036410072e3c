using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Trust;
using Taskdeck.Dashboard.Live;
using Taskdeck.Dashboard.Views;

namespace Taskdeck.Dashboard.Tests.Support;

/// <summary>
/// The real dashboard screen on Terminal.Gui's headless driver: a fixed screen size, keys injected
/// one by one, the screen read back as text. Everything happens on the test's thread, synchronously;
/// a <see cref="Live"/> one runs what its providers posted only when the test waits for it.
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
        : this(
            [.. results.Select(result => result.Project)],
            new ProviderRunner(new ProviderResolver(new BuiltInProviders([]), "/nonexistent/providers"), TrustEveryone.Instance),
            new MemoryResultCache(),
            new FakeTimeProvider(Build.Now),
            RefreshMode.CachedOnly,
            width,
            height,
            trustStore,
            urlOpener,
            results)
    {
    }

    private HeadlessDashboard(
        IReadOnlyList<Project> projects,
        ProviderRunner runner,
        IResultCache cache,
        FakeTimeProvider time,
        RefreshMode mode,
        int width,
        int height,
        ITrustStore? trustStore,
        IUrlOpener? urlOpener,
        IReadOnlyList<ProjectResult> results)
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        Time = time;
        Runner = runner;
        Engine = new RefreshEngine(Runner, cache, Time, concurrency: 4);
        UrlOpener = urlOpener as RecordingUrlOpener ?? new RecordingUrlOpener();

        App = Application.Create().Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        var dashboard = new DashboardApp(Engine, Runner, Time, trustStore, "/home/me/.config/taskdeck/config.yaml", urlOpener ?? UrlOpener);
        Session = dashboard.CreateSession(() => App, projects, mode, () => false, CancellationToken.None);
        foreach (var result in results)
        {
            Session.Model.Apply(result);
        }

        Screen = dashboard.CreateScreen(App, Session);
        _token = App.Begin(Screen);

        // As DashboardApp.Run does: the background refresh starts, the first frame follows at once.
        Session.Start();
        Draw();
    }

    /// <summary>
    /// The dashboard as <c>taskdeck</c> opens it: the session reads <paramref name="cache"/> for the
    /// first screen, then refreshes in the background through <paramref name="runner"/>, starting
    /// real providers. Results arrive through Terminal.Gui's queue; <see cref="WaitFor"/> runs it.
    /// Build it inside <see cref="OnOwnThreadAsync"/>.
    /// </summary>
    public static HeadlessDashboard Live(
        IReadOnlyList<Project> projects,
        ProviderRunner runner,
        IResultCache? cache = null,
        FakeTimeProvider? time = null,
        ITrustStore? trustStore = null,
        int width = 80,
        int height = 24) =>
        new(projects, runner, cache ?? new MemoryResultCache(), time ?? new FakeTimeProvider(Build.Now),
            RefreshMode.Normal, width, height, trustStore, urlOpener: null, results: []);

    /// <summary>
    /// Runs a test body that waits for providers on a thread of its own: Terminal.Gui then sees one
    /// UI thread from start to end (awaits would hop between pool threads), and the test's
    /// <c>[Fact(Timeout)]</c> still applies because the test awaits this.
    /// </summary>
    public static Task OnOwnThreadAsync(Action body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

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

    /// <summary>The tree line drawn inverted: where the cursor is, as the user sees it.</summary>
    public string SelectedLine
    {
        get
        {
            var contents = App.Driver!.Contents!;

            // The header takes the first two rows; the status and key lines the last two.
            for (var row = 2; row < contents.GetLength(0) - 2; row++)
            {
                if (contents[row, 0].Attribute is { } attribute && attribute.Style.HasFlag(TextStyle.Reverse))
                {
                    return Lines[row];
                }
            }

            throw new Xunit.Sdk.XunitException($"No line is drawn as the cursor's. The screen:\n{Text}");
        }
    }

    /// <summary>Every character in the screen buffer, as the terminal would be sent it.</summary>
    public IEnumerable<char> BufferCharacters
    {
        get
        {
            var contents = App.Driver!.Contents!;
            for (var row = 0; row < contents.GetLength(0); row++)
            {
                for (var column = 0; column < contents.GetLength(1); column++)
                {
                    foreach (var c in contents[row, column].Grapheme ?? "")
                    {
                        yield return c;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Runs what the session queued for the UI thread (results, the clock tick) and redraws until
    /// <paramref name="condition"/> holds; fails with the last screen after <paramref name="within"/>.
    /// </summary>
    public string WaitFor(Func<HeadlessDashboard, bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((within ?? TimeSpan.FromSeconds(20)).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            App.TimedEvents!.RunTimers();
            Draw();
            if (condition(this))
            {
                return Text;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}. The screen:\n{Text}");
            }

            Thread.Sleep(20);
        }
    }

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
