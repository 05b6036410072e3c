namespace Taskdeck.Core.Tasks;

/// <summary>How many tasks fall into each status category.</summary>
public sealed class CategoryCounts
{
    private readonly int[] _counts = new int[Enum.GetValues<StatusCategory>().Length];

    public int this[StatusCategory category] => _counts[(int)category];

    public int Total => _counts.Sum();

    /// <summary>The counts over every task of <paramref name="list"/>.</summary>
    public static CategoryCounts Of(TaskList list)
    {
        var counts = new CategoryCounts();
        foreach (var task in list.Groups.SelectMany(group => group.Tasks))
        {
            counts.Add(task.Category());
        }

        return counts;
    }

    public void Add(StatusCategory category) => _counts[(int)category]++;

    public void Clear() => Array.Clear(_counts);
}
