namespace Taskdeck.Core.Trust;

/// <summary>A project the user trusted: what it ran then, and when the user said so.</summary>
public sealed record TrustRecord(TrustSnapshot Snapshot, DateTimeOffset TrustedAt)
{
    public string ProjectDirPath => Snapshot.ProjectDirPath;
}
