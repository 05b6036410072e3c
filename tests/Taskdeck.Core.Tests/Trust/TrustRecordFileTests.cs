using System.Collections.Immutable;
using Taskdeck.Core.Tests.Support;
using Taskdeck.Core.Trust;

namespace Taskdeck.Core.Tests.Trust;

public sealed class TrustRecordFileTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string FilePath => _workspace.PathOf("trust.json");

    [Fact]
    public void Load_WhatSaveWrote_GivesTheSameRecords()
    {
        // Arrange
        var records = new[]
        {
            Record("/code/a", new TrustedFile("/code/a/.taskdeck.yaml", "aa", "tasks:\n  provider: ./t.sh\n", 27)),
            Record("/code/b \"quoted\" ü", null) with { TrustedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)) },
        };

        // Act
        TrustRecordFile.Save(FilePath, records);
        var (loaded, problem) = TrustRecordFile.Load(FilePath);

        // Assert
        Assert.Null(problem);
        Assert.Equal(2, loaded.Count);
        for (var index = 0; index < records.Length; index++)
        {
            Assert.Equal(records[index].TrustedAt, loaded[index].TrustedAt);
            Assert.Equal(records[index].Snapshot with { Args = loaded[index].Snapshot.Args }, loaded[index].Snapshot);
            Assert.Equal(records[index].Snapshot.Args, loaded[index].Snapshot.Args);
        }
    }

    [Fact]
    public void Save_Always_LeavesOnlyTheFileReadableByTheUserAlone()
    {
        // Act
        TrustRecordFile.Save(FilePath, [Record("/code/a", null)]);
        TrustRecordFile.Save(FilePath, [Record("/code/b", null)]);

        // Assert
        Assert.Equal([FilePath], Directory.GetFiles(_workspace.RootPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        Assert.Equal("/code/b", Assert.Single(TrustRecordFile.Load(FilePath).Records).ProjectDirPath);
    }

    [Fact]
    public void Load_NoFile_IsNoRecordsAndNoProblem()
    {
        var (records, problem) = TrustRecordFile.Load(FilePath);

        Assert.Empty(records);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("[]")]
    [InlineData("{\"version\": 1}")]
    [InlineData("{\"version\": 2, \"projects\": []}")]
    [InlineData("{\"version\": \"1\", \"projects\": []}")]
    [InlineData("{\"version\": 1, \"projects\": [{\"dir\": 5}]}")]
    [InlineData("{\"version\": 1, \"projects\": [{\"dir\": \"/a\", \"trustedAt\": \"yesterday\", \"provider\": \"./t\", \"args\": {}, \"projectFile\": null, \"script\": {\"path\": \"/a/t\", \"sha256\": \"x\", \"length\": 1, \"text\": null}}]}")]
    [InlineData("{\"version\": 1, \"projects\": [{\"dir\": \"/a\", \"trustedAt\": \"2026-01-01T00:00:00Z\", \"provider\": \"./t\", \"args\": {}, \"projectFile\": null, \"script\": null}]}")]
    public void Load_DamagedFile_IsNoRecordsWithAReason(string content)
    {
        // Arrange
        File.WriteAllText(FilePath, content);

        // Act
        var (records, problem) = TrustRecordFile.Load(FilePath);

        // Assert
        Assert.Empty(records);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    private static TrustRecord Record(string dir, TrustedFile? projectFile) =>
        new(
            new TrustSnapshot(
                dir,
                "./tasks.sh",
                ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("team", "check\nout \u001b")]),
                projectFile,
                new TrustedFile($"{dir}/tasks.sh", "0123456789abcdef", "#!/bin/sh\necho '{}'\n", 20)),
            new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
}
