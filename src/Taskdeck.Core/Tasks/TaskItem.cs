using System.Collections.Immutable;

namespace Taskdeck.Core.Tasks;

/// <summary>One task as a provider reported it, before any status mapping.</summary>
public sealed record TaskItem(
    string Id,
    string Title,
    string Status,
    string? Assignee = null,
    ImmutableArray<string> Labels = default,
    int? Priority = null,
    string? Url = null,
    DateTimeOffset? Created = null,
    DateTimeOffset? Updated = null,
    string? File = null)
{
    public ImmutableArray<string> Labels { get; init; } = Labels.IsDefault ? [] : Labels;

    public bool Equals(TaskItem? other) =>
        other is not null
        && Id == other.Id
        && Title == other.Title
        && Status == other.Status
        && Assignee == other.Assignee
        && Labels.SequenceEqual(other.Labels)
        && Priority == other.Priority
        && Url == other.Url
        && Created == other.Created
        && Updated == other.Updated
        && File == other.File;

    public override int GetHashCode() => HashCode.Combine(Id, Title, Status);
}
