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
    private readonly ImmutableArray<string> _labels = Labels.IsDefault ? [] : Labels;

    /// <summary>The task's labels; empty when the provider gave none or no list at all.</summary>
    public ImmutableArray<string> Labels
    {
        get => _labels;
        init
        {
            _labels = value.IsDefault ? [] : value;
            HasLabelList = !value.IsDefault;
        }
    }

    /// <summary>
    /// Whether the provider gave a labels list at all, even an empty one: <c>list --json</c> writes
    /// an absent list as null and an empty one as []. A default <c>Labels</c> means absent.
    /// </summary>
    public bool HasLabelList { get; private init; } = !Labels.IsDefault;

    public bool Equals(TaskItem? other) =>
        other is not null
        && Id == other.Id
        && Title == other.Title
        && Status == other.Status
        && Assignee == other.Assignee
        && HasLabelList == other.HasLabelList
        && Labels.SequenceEqual(other.Labels)
        && Priority == other.Priority
        && Url == other.Url
        && Created == other.Created
        && Updated == other.Updated
        && File == other.File;

    public override int GetHashCode() => HashCode.Combine(Id, Title, Status);
}
