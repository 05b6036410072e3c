using Taskdeck.Core.Tasks;

namespace Taskdeck.Dashboard.Model;

/// <summary>How many shown tasks fall into each status category.</summary>
public sealed class CategoryCounts
{
    private readonly int[] _counts = new int[Enum.GetValues<StatusCategory>().Length];

    public int this[StatusCategory category] => _counts[(int)category];

    public int Total => _counts.Sum();

    internal void Add(StatusCategory category) => _counts[(int)category]++;

    internal void Clear() => Array.Clear(_counts);
}
