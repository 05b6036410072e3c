using System.Collections.Immutable;

namespace Taskdeck.Core.Tasks;

/// <summary>A group of tasks (a backlog item, a milestone) in the provider's order.</summary>
public sealed record TaskGroup(
    string Id,
    string Title,
    ImmutableArray<TaskItem> Tasks,
    string? Status = null,
    string? Url = null,
    bool IsCurrent = false,
    string? File = null)
{
    public ImmutableArray<TaskItem> Tasks { get; init; } = Tasks.IsDefault ? [] : Tasks;

    public bool Equals(TaskGroup? other) =>
        other is not null
        && Id == other.Id
        && Title == other.Title
        && Status == other.Status
        && Url == other.Url
        && IsCurrent == other.IsCurrent
        && File == other.File
        && Tasks.SequenceEqual(other.Tasks);

    public override int GetHashCode() => HashCode.Combine(Id, Title, Tasks.Length);
}
