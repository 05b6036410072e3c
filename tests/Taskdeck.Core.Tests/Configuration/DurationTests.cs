using Taskdeck.Core.Configuration;

namespace Taskdeck.Core.Tests.Configuration;

public sealed class DurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    public void TryParse_GoStyleDuration_GivesItsLength(string text, int milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("3 days")]
    [InlineData("10x")]
    public void TryParse_Nonsense_Fails(string text) => Assert.False(Duration.TryParse(text, out _));

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(30_000, "30s")]
    [InlineData(120_000, "2m")]
    [InlineData(90_000, "1m30s")]
    public void Format_RoundTripsCommonValues(int milliseconds, string text)
    {
        Assert.Equal(text, Duration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
