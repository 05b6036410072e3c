using Terminal.Gui.Drawing;
using Taskdeck.Dashboard.Rendering;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Taskdeck.Dashboard.Views;

/// <summary>
/// The colours of each tone, over the terminal's own background. Under <c>NO_COLOR</c> every tone
/// keeps the terminal's own colours and only its text style (bold, underline, …) tells it apart.
/// </summary>
internal sealed class Palette
{
    private readonly Dictionary<Tone, Attribute> _normalByTone = [];
    private readonly Dictionary<Tone, Attribute> _selectedByTone = [];

    public Palette(Attribute normal)
        : this(normal, isColored: Environment.GetEnvironmentVariable("NO_COLOR") is not { Length: > 0 })
    {
    }

    public Palette(Attribute normal, bool isColored)
    {
        foreach (var tone in Enum.GetValues<Tone>())
        {
            var (foreground, style) = tone switch
            {
                Tone.Dim => ((Color)ColorName16.DarkGray, TextStyle.None),
                Tone.Strong => (normal.Foreground, TextStyle.Bold),
                Tone.Active => (ColorName16.BrightBlue, TextStyle.None),
                Tone.Review => (ColorName16.Magenta, TextStyle.None),
                Tone.Blocked => (ColorName16.BrightRed, TextStyle.None),
                Tone.Done => (ColorName16.Green, TextStyle.None),
                Tone.Dropped => (ColorName16.DarkGray, TextStyle.Strikethrough),
                Tone.Error => (ColorName16.Red, TextStyle.None),
                Tone.Stale => (ColorName16.Yellow, TextStyle.None),
                Tone.Untrusted => (ColorName16.BrightYellow, TextStyle.None),
                Tone.Running => (ColorName16.Cyan, TextStyle.None),
                Tone.Changed => (ColorName16.BrightYellow, TextStyle.Bold),
                Tone.Match => (ColorName16.BrightYellow, TextStyle.Underline),
                _ => (normal.Foreground, TextStyle.None),
            };
            if (!isColored)
            {
                foreground = normal.Foreground;
            }

            _normalByTone[tone] = new Attribute(foreground, normal.Background, style);

            // The cursor row is drawn inverted, keeping each tone's colour recognisable.
            _selectedByTone[tone] = new Attribute(foreground, normal.Background, style | TextStyle.Reverse);
        }
    }

    public Attribute Of(Tone tone, bool isSelected = false) =>
        isSelected ? _selectedByTone[tone] : _normalByTone[tone];
}
