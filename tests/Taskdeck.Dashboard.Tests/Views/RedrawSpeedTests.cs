using System.Diagnostics;
using Terminal.Gui.Input;
using Taskdeck.Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace Taskdeck.Dashboard.Tests.Views;

[Collection(TerminalCollection.Name)]
public sealed class RedrawSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void KeyPress_With200ProjectsAnd20000Tasks_RedrawsQuickly()
    {
        // Arrange: everything open, so the tree has over 21,000 rows.
        using var screen = new HeadlessDashboard(Build.Many(projects: 200, tasksPerProject: 100, groupsPerProject: 5));
        screen.Type("e");
        Assert.True(screen.Session.Model.Rows.Count > 21_000);
        for (var warmUp = 0; warmUp < 30; warmUp++)
        {
            screen.Type(warmUp % 2 == 0 ? "j" : "k");
        }

        // Act
        var pages = Measure(screen, 20, () => screen.Press(Key.PageDown));
        var jumps = Measure(screen, 20, () => screen.Type("J"));
        var relayouts = Measure(screen, 4, () => screen.Type("s"));
        var model = screen.Session.Model;
        var relayoutModelOnly = Measure(screen, 10, () =>
        {
            model.ReverseSort();
            _ = model.Rows;
        });
        screen.Type("/");
        var typed = new Queue<char>("group 3 in project 1");
        var searchKeys = Measure(screen, typed.Count, () => screen.Type($"{typed.Dequeue()}"));
        screen.Press(Key.Enter);
        Assert.True(model.MatchCount > 0);
        var matches = Measure(screen, 10, () => screen.Type("n"));
        screen.Press(Key.Esc);
        var moves = Measure(screen, 60, () => screen.Type("j"));

        // Assert: a frame at 60 Hz is 16 ms; the bound is loose so a busy CI machine does not fail it.
        output.WriteLine($"j (move):         {moves}");
        output.WriteLine($"PgDn:             {pages}");
        output.WriteLine($"J (next group):   {jumps}");
        output.WriteLine($"s (re-sort all):  {relayouts}");
        output.WriteLine($"re-lay-out 21,000 rows, no drawing: {relayoutModelOnly}");
        output.WriteLine($"search typing:    {searchKeys}");
        output.WriteLine($"n (next match):   {matches}");
        Assert.True(moves.Median < TimeSpan.FromMilliseconds(100), $"Moving the cursor took {moves}.");
    }

    private static Timing Measure(HeadlessDashboard screen, int times, Action press)
    {
        var samples = new List<TimeSpan>(times);
        for (var i = 0; i < times; i++)
        {
            var started = Stopwatch.GetTimestamp();
            press();
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        _ = screen;
        samples.Sort();
        return new Timing(samples[samples.Count / 2], samples[(int)(samples.Count * 0.95)], samples[^1]);
    }

    private readonly record struct Timing(TimeSpan Median, TimeSpan P95, TimeSpan Max)
    {
        public override string ToString() =>
            $"median {Median.TotalMilliseconds:0.00} ms, p95 {P95.TotalMilliseconds:0.00} ms, max {Max.TotalMilliseconds:0.00} ms";
    }
}
