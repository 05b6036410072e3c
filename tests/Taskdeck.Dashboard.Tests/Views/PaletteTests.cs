using Taskdeck.Dashboard.Rendering;
using Taskdeck.Dashboard.Views;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Taskdeck.Dashboard.Tests.Views;

public sealed class PaletteTests
{
    private static readonly Attribute Normal = new(ColorName16.White, ColorName16.Black);

    [Fact]
    public void Of_WithColour_GivesEachCategoryItsOwnColour()
    {
        var palette = new Palette(Normal, isColored: true);

        var foregrounds = new[] { Tone.Active, Tone.Review, Tone.Blocked, Tone.Done }
            .Select(tone => palette.Of(tone).Foreground).ToList();

        Assert.Equal(foregrounds.Count, foregrounds.Distinct().Count());
        Assert.DoesNotContain(Normal.Foreground, foregrounds);
    }

    [Fact]
    public void Of_WithoutColour_KeepsTheTerminalsColoursAndOnlyTheStyles()
    {
        var palette = new Palette(Normal, isColored: false);

        Assert.All(Enum.GetValues<Tone>(), tone =>
        {
            Assert.Equal(Normal.Foreground, palette.Of(tone).Foreground);
            Assert.Equal(Normal.Background, palette.Of(tone).Background);
        });
        Assert.Equal(TextStyle.Bold, palette.Of(Tone.Strong).Style);
        Assert.True(palette.Of(Tone.Done, isSelected: true).Style.HasFlag(TextStyle.Reverse));
    }
}
