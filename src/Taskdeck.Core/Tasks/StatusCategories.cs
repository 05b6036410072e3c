using System.Collections.Frozen;

namespace Taskdeck.Core.Tasks;

/// <summary>Sorts any status word into a <see cref="StatusCategory"/>.</summary>
public static class StatusCategories
{
    private static readonly FrozenDictionary<string, StatusCategory> CategoryByWord =
        new Dictionary<string, StatusCategory>
        {
            ["done"] = StatusCategory.Done,
            ["closed"] = StatusCategory.Done,
            ["completed"] = StatusCategory.Done,
            ["complete"] = StatusCategory.Done,
            ["resolved"] = StatusCategory.Done,
            ["merged"] = StatusCategory.Done,
            ["fixed"] = StatusCategory.Done,
            ["active"] = StatusCategory.Active,
            ["inprogress"] = StatusCategory.Active,
            ["working"] = StatusCategory.Active,
            ["doing"] = StatusCategory.Active,
            ["started"] = StatusCategory.Active,
            ["wip"] = StatusCategory.Active,
            ["review"] = StatusCategory.Review,
            ["inreview"] = StatusCategory.Review,
            ["codereview"] = StatusCategory.Review,
            ["testing"] = StatusCategory.Review,
            ["qa"] = StatusCategory.Review,
            ["blocked"] = StatusCategory.Blocked,
            ["onhold"] = StatusCategory.Blocked,
            ["waiting"] = StatusCategory.Blocked,
            ["rejected"] = StatusCategory.Dropped,
            ["cancelled"] = StatusCategory.Dropped,
            ["canceled"] = StatusCategory.Dropped,
            ["wontfix"] = StatusCategory.Dropped,
            ["duplicate"] = StatusCategory.Dropped,
            ["obsolete"] = StatusCategory.Dropped,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static StatusCategory Of(string? status) =>
        status is not null && CategoryByWord.TryGetValue(Normalize(status), out var category)
            ? category
            : StatusCategory.Todo;

    /// <summary>Lower-cases and drops spaces, '_' and '-', so "In Progress" equals "in_progress".</summary>
    public static string Normalize(string status)
    {
        Span<char> buffer = status.Length <= 128 ? stackalloc char[status.Length] : new char[status.Length];
        var length = 0;
        foreach (var c in status)
        {
            if (c is ' ' or '_' or '-' or '\t')
            {
                continue;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// The category of a group that has no status of its own, derived from its tasks.
    /// </summary>
    public static StatusCategory Derive(IEnumerable<StatusCategory> taskCategories)
    {
        var seen = new HashSet<StatusCategory>(taskCategories);
        if (seen.Count == 0)
        {
            return StatusCategory.Todo;
        }

        // Work in motion says most about a group, then work that is stuck.
        foreach (var category in (StatusCategory[])
            [StatusCategory.Active, StatusCategory.Review, StatusCategory.Blocked])
        {
            if (seen.Contains(category))
            {
                return category;
            }
        }

        seen.Remove(StatusCategory.Dropped);
        if (seen.Count == 0)
        {
            return StatusCategory.Dropped;
        }

        return seen.All(category => category == StatusCategory.Done)
            ? StatusCategory.Done
            : StatusCategory.Todo;
    }
}
