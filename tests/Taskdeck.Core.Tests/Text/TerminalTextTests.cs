using Taskdeck.Core.Text;

namespace Taskdeck.Core.Tests.Text;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[2J\u001b[HTitle", "Title")] // clear screen, cursor home
    [InlineData("Ti\u001b[31mtle\u001b[0m", "Title")] // colours
    [InlineData("\u001b[10;20fTitle", "Title")] // cursor position
    [InlineData("\u001b]0;pwned\u0007Title", "Title")] // window title ended by BEL
    [InlineData("\u001b]2;pwned\u001b\\Title", "Title")] // window title ended by ESC \
    [InlineData("\u001b]8;;https://evil.example\u001b\\Title\u001b]8;;\u001b\\", "Title")] // hyperlink
    [InlineData("\u001bP+q544e\u001b\\Title", "Title")] // DCS query
    [InlineData("\u009b2JTitle", "Title")] // 8-bit CSI
    [InlineData("\u009d0;pwned\u0007Title", "Title")] // 8-bit OSC ended by BEL
    [InlineData("\u009d0;pwned\u009cTitle", "Title")] // 8-bit OSC ended by 8-bit ST
    [InlineData("\u0090qdata\u009cTitle", "Title")] // 8-bit DCS
    [InlineData("\u001b_apc\u001b\\Title", "Title")] // APC
    [InlineData("\u001bcTitle", "Title")] // full reset
    [InlineData("Safe\rEvil", "Safe Evil")] // carriage return would overwrite the line
    [InlineData("Tit\bXle", "TitXle")] // backspace
    [InlineData("Bell\u0007", "Bell")]
    [InlineData("Del\u007fete", "Delete")]
    [InlineData("abc\u202egnp.exe", "abcgnp.exe")] // right-to-left override
    [InlineData("a\u2066b\u2069c\u061cd", "abcd")] // bidi isolates and the Arabic letter mark
    [InlineData("one\u2028two", "one two")] // line separator
    [InlineData("unterminated \u001b]0;pwned", "unterminated")]
    [InlineData("ends in escape \u001b", "ends in escape")]
    public void SingleLine_ProviderText_RemovesWhatCouldDriveTheTerminal(string input, string expected)
    {
        // Act
        var cleaned = TerminalText.SingleLine(input);

        // Assert
        Assert.Equal(expected, cleaned);
    }

    [Theory]
    [InlineData("Café ✓ 任务 🚀")]
    [InlineData("[brackets] and ~tildes~ and \\backslashes\\")]
    public void SingleLine_PrintableText_IsUnchanged(string input)
    {
        Assert.Equal(input, TerminalText.SingleLine(input));
    }

    [Fact]
    public void MultiLine_Stderr_KeepsLineBreaksAndTabsButDropsReturnsAndEscapes()
    {
        // Arrange
        var stderr = "first\r\n\tsecond \u001b[1A\u001b[2Kthird\u2029fourth";

        // Act
        var cleaned = TerminalText.MultiLine(stderr);

        // Assert
        Assert.Equal("first\n\tsecond third\nfourth", cleaned);
    }

    [Fact]
    public void SingleLine_LineBreaks_BecomeOneSpace()
    {
        Assert.Equal("a b c", TerminalText.SingleLine("a\n\nb\r\nc\n"));
    }
}
