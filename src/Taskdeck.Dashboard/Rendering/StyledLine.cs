using System.Text;

namespace Taskdeck.Dashboard.Rendering;

/// <summary>One screen line as spans of toned text, exactly <see cref="Width"/> columns wide.</summary>
public sealed class StyledLine
{
    private readonly List<Span> _spans = [];

    public IReadOnlyList<Span> Spans => _spans;

    public int Width { get; private set; }

    /// <summary>Appends text, cut with an ellipsis where it would pass <paramref name="maxWidth"/>.</summary>
    public StyledLine Add(string text, Tone tone = Tone.Plain, int maxWidth = int.MaxValue)
    {
        var fitted = CellText.Fit(text, maxWidth);
        if (fitted.Length > 0)
        {
            _spans.Add(new Span(fitted, tone));
            Width += CellText.Width(fitted);
        }

        return this;
    }

    /// <summary>Pads with spaces up to <paramref name="column"/>.</summary>
    public StyledLine PadTo(int column) => column > Width ? Add(new string(' ', column - Width)) : this;

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var span in _spans)
        {
            builder.Append(span.Text);
        }

        return builder.ToString();
    }
}
