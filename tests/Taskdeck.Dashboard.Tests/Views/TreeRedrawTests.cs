using Terminal.Gui.Input;
using Taskdeck.Dashboard.Tests.Support;

namespace Taskdeck.Dashboard.Tests.Views;

/// <summary>
/// Views are drawn over what the previous frame left, without clearing first; whatever the keys
/// did in between, the screen must read the same as a redraw of everything from a blank screen.
/// </summary>
[Collection(TerminalCollection.Name)]
public sealed class TreeRedrawTests
{
    [Theory]
    [InlineData("jjjj")]
    [InlineData("eGgkk")]
    [InlineData("JJKe")]
    [InlineData("ssSff")]
    public void Keys_ThatChangeTheTree_LeaveTheSameScreenAsAFullRedraw(string keys)
    {
        using var screen = new HeadlessDashboard(Build.Many(projects: 6, tasksPerProject: 8, groupsPerProject: 2), height: 30);
        screen.Type("e");

        screen.Type(keys);
        screen.Press(Key.PageDown);
        screen.Press(Key.CursorUp);
        var afterKeys = screen.Text;
        screen.App.LayoutAndDraw(forceRedraw: true);

        Assert.Equal(screen.Text, afterKeys);
    }

    [Fact]
    public void Tree_AfterTheDetailPageCoveredIt_IsDrawnWholeAgain()
    {
        using var screen = new HeadlessDashboard(Build.Many(projects: 3, tasksPerProject: 4, groupsPerProject: 2), height: 30);
        screen.Type("e");
        screen.Type("jjj");
        var tree = screen.Text;

        screen.Press(Key.Enter);
        var page = screen.Text;
        screen.Press(Key.Esc);

        Assert.NotEqual(tree, page);
        Assert.Equal(tree, screen.Text);
    }
}
