using Taskdeck.Dashboard.Live;

namespace Taskdeck.Dashboard.Tests.Live;

public sealed class LinkPolicyTests
{
    [Theory]
    [InlineData("https://tracker.example/issues/7?tab=1")]
    [InlineData("http://localhost:8080/board")]
    public void Check_HttpOrHttps_IsAccepted(string url)
    {
        // Act
        var (link, refusal) = LinkPolicy.Check(url);

        // Assert
        Assert.Null(refusal);
        Assert.Equal(new Uri(url), link);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("docs/readme.md")]
    [InlineData("--help")]
    [InlineData("ssh://host/repo")]
    public void Check_AnythingElse_IsRefusedWithAReason(string url)
    {
        // Act
        var (link, refusal) = LinkPolicy.Check(url);

        // Assert
        Assert.Null(link);
        Assert.Contains("only http and https links are opened", refusal);
    }

    [Fact]
    public void Check_NoLink_SaysSo()
    {
        // Act
        var (link, refusal) = LinkPolicy.Check(null);

        // Assert
        Assert.Null(link);
        Assert.Equal("This row has no link to open.", refusal);
    }
}
