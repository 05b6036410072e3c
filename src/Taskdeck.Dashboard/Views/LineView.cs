using Terminal.Gui.ViewBase;
using Taskdeck.Dashboard.Rendering;

namespace Taskdeck.Dashboard.Views;

/// <summary>A view that draws lines of toned spans, which its subclass supplies for each frame.</summary>
internal abstract class LineView : View
{
    private Palette? _palette;

    protected Palette Palette => _palette ??= new Palette(GetAttributeForRole(Terminal.Gui.Drawing.VisualRole.Normal));

    /// <summary>The lines for this frame, each exactly <paramref name="width"/> columns wide.</summary>
    protected abstract IEnumerable<(StyledLine Line, bool IsSelected)> LinesFor(int width, int height);

    // Every cell of the viewport is drawn below, blank rows included; clearing it first would only
    // write the whole area twice, which was a fifth of the first frame's cost.
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var height = Viewport.Height;
        var row = 0;
        foreach (var (line, isSelected) in LinesFor(width, height))
        {
            if (row >= height)
            {
                break;
            }

            Move(0, row++);
            foreach (var span in line.Spans)
            {
                SetAttribute(Palette.Of(span.Tone, isSelected));
                AddStr(span.Text);
            }
        }

        SetAttribute(Palette.Of(Tone.Plain));
        for (; row < height; row++)
        {
            Move(0, row);
            AddStr(new string(' ', width));
        }

        return true;
    }
}
