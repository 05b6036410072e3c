using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Taskdeck.Core.Text;

namespace Taskdeck.Core.Tests.Text;

public sealed partial class LineDiffTests
{
    [Fact]
    public void Unified_SameLines_IsEmpty()
    {
        Assert.Equal("", LineDiff.Unified("a\nb\n", "a\nb", "old", "new"));
    }

    [Fact]
    public void Unified_OneChangedLine_ShowsItWithThreeLinesOfContext()
    {
        // Arrange
        var before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        // Act
        var diff = LineDiff.Unified(before, after, "old", "new");

        // Assert
        Assert.Equal("--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void Unified_FarApartChanges_MakeTwoHunks()
    {
        // Arrange
        var lines = Enumerable.Range(1, 20).Select(number => number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var before = string.Concat(lines.Select(line => line + "\n"));
        var after = string.Concat(lines.Where(line => line != "19").Select(line => (line == "2" ? "two" : line) + "\n"));

        // Act
        var diff = LineDiff.Unified(before, after, "old", "new");

        // Assert
        Assert.Equal(
            "--- old\n+++ new\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -16,5 +16,4 @@\n 16\n 17\n 18\n-19\n 20\n",
            diff);
    }

    [Fact]
    public void Unified_FromEmpty_AddsEveryLine()
    {
        Assert.Equal("--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n", LineDiff.Unified("", "a\nb\n", "old", "new"));
    }

    [Fact]
    public void Unified_LongDiff_IsCutAtTheLineLimit()
    {
        // Arrange
        var before = string.Concat(Enumerable.Range(0, 500).Select(index => $"old {index}\n"));
        var after = string.Concat(Enumerable.Range(0, 500).Select(index => $"new {index}\n"));

        // Act
        var diff = LineDiff.Unified(before, after, "old", "new", maxLines: 50);

        // Assert: 1,003 lines (two headers, one hunk header, 500 removed, 500 added) cut to 50.
        var lines = diff.TrimEnd('\n').Split('\n');
        Assert.Equal(51, lines.Length);
        Assert.Equal("… 953 more lines of diff not shown", lines[^1]);
    }

    [Property(MaxTest = 300)]
    public Property Unified_AppliedToTheOldText_GivesTheNewText()
    {
        // Few distinct lines, so the texts share many lines and the diff has real work to do.
        var lines = Gen.Elements("a", "b", "c", "d", "").ListOf().Select(list => list.ToList());
        return Prop.ForAll(lines.ToArbitrary(), lines.ToArbitrary(), (before, after) =>
        {
            var oldText = string.Concat(before.Select(line => line + "\n"));
            var newText = string.Concat(after.Select(line => line + "\n"));
            var diff = LineDiff.Unified(oldText, newText, "old", "new", maxLines: int.MaxValue);
            return Apply(before, diff).SequenceEqual(after);
        });
    }

    /// <summary>A minimal patch: applies each hunk at the line its header names, checking context.</summary>
    private static List<string> Apply(List<string> before, string diff)
    {
        if (diff.Length == 0)
        {
            return before;
        }

        var result = new List<string>();
        var lines = diff.TrimEnd('\n').Split('\n').Skip(2).ToList();
        var position = 0;
        foreach (var line in lines)
        {
            if (HunkHeader().Match(line) is { Success: true } header)
            {
                var start = int.Parse(header.Groups["start"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var length = header.Groups["length"].Success ? int.Parse(header.Groups["length"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                var target = length == 0 ? start : start - 1;
                result.AddRange(before.Skip(position).Take(target - position));
                position = target;
                continue;
            }

            switch (line[0])
            {
                case ' ':
                    Assert.Equal(before[position], line[1..]);
                    result.Add(line[1..]);
                    position++;
                    break;
                case '-':
                    Assert.Equal(before[position], line[1..]);
                    position++;
                    break;
                case '+':
                    result.Add(line[1..]);
                    break;
            }
        }

        result.AddRange(before.Skip(position));
        return result;
    }

    [GeneratedRegex(@"^@@ -(?<start>\d+)(,(?<length>\d+))? \+\d+(,\d+)? @@$")]
    private static partial Regex HunkHeader();
}
