using Taskdeck.Dashboard.Rendering;

namespace Taskdeck.Dashboard.Views;

/// <summary>Header, status line or key hints: whatever lines the given function makes for the width.</summary>
internal sealed class ChromeView(Func<int, IEnumerable<StyledLine>> lines) : LineView
{
    protected override IEnumerable<(StyledLine Line, bool IsSelected)> LinesFor(int width, int height) =>
        lines(width).Select(line => (line, false));
}
