using Taskdeck.Core.Tasks;
using Taskdeck.Dashboard.Rendering;

namespace Taskdeck.Dashboard.Tests.Rendering;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("plain", 5)]
    [InlineData("名前", 4)]
    [InlineData("a😀b", 4)]
    [InlineData("é", 1)]
    public void Width_CountsWideCharactersAsTwoColumns(string text, int expected) =>
        Assert.Equal(expected, CellText.Width(text));

    [Theory]
    [InlineData("abcdef", 4, "abc…")]
    [InlineData("abc", 3, "abc")]
    [InlineData("名前名前", 5, "名前…")]
    [InlineData("名前名前", 6, "名前…")]
    public void Fit_TooWide_CutsAtAColumnBoundaryAndAddsAnEllipsis(string text, int width, string expected)
    {
        // Act
        var fitted = CellText.Fit(text, width);

        // Assert
        Assert.Equal(expected, fitted);
        Assert.True(CellText.Width(fitted) <= width);
    }

    [Fact]
    public void Wrap_LongLine_BreaksIntoPiecesOfTheWidth()
    {
        // Act
        var pieces = CellText.Wrap("名前名前ab", 4).ToList();

        // Assert
        Assert.Equal(["名前", "名前", "ab"], pieces);
    }

    [Theory]
    [InlineData(0, 4, "░░░░░░░░░░")]
    [InlineData(1, 40, "█░░░░░░░░░")]
    [InlineData(39, 40, "█████████░")]
    [InlineData(4, 4, "██████████")]
    public void Bar_ShowsAnyProgressAndFillsOnlyWhenDone(int done, int total, string expected) =>
        Assert.Equal(expected, ProgressBar.Bar(new Progress(done, total), 10));
}
