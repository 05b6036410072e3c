using Taskdeck.Dashboard.Details;
using Taskdeck.Dashboard.Rendering;

namespace Taskdeck.Dashboard.Views;

/// <summary>A full-screen page: its title, then its lines wrapped to the width, scrolled by keys.</summary>
internal sealed class PagerView : LineView
{
    private Page _page = new("", [], null);
    private List<string> _wrapped = [];
    private int _wrappedWidth = -1;
    private int _top;

    public Page Page
    {
        get => _page;
        set
        {
            _page = value;
            _wrappedWidth = -1;
            _top = 0;
            SetNeedsDraw();
        }
    }

    public void ScrollBy(int lines)
    {
        _top += lines;
        SetNeedsDraw();
    }

    public void ScrollToStart() => ScrollBy(-_top);

    public void ScrollToEnd() => ScrollBy(int.MaxValue / 2);

    public int PageHeight => Math.Max(Viewport.Height - 2, 1);

    protected override IEnumerable<(StyledLine Line, bool IsSelected)> LinesFor(int width, int height)
    {
        if (_wrappedWidth != width)
        {
            _wrapped = [.. _page.Lines.SelectMany(line => CellText.Wrap(line, width))];
            _wrappedWidth = width;
        }

        var bodyHeight = Math.Max(height - 2, 1);
        _top = Math.Clamp(_top, 0, Math.Max(_wrapped.Count - bodyHeight, 0));
        var position = _wrapped.Count <= bodyHeight ? "" : $"  lines {_top + 1}-{Math.Min(_top + bodyHeight, _wrapped.Count)} of {_wrapped.Count}";
        yield return (new StyledLine().Add(_page.Title, Tone.Strong, width).Add(position, Tone.Dim, width).PadTo(width), false);
        yield return (new StyledLine().PadTo(width), false);
        foreach (var line in _wrapped.Skip(_top).Take(bodyHeight))
        {
            yield return (new StyledLine().Add(line, Tone.Plain, width).PadTo(width), false);
        }
    }
}
