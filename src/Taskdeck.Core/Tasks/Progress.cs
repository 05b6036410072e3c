namespace Taskdeck.Core.Tasks;

/// <summary>Done work over all work that still counts (dropped work does not).</summary>
public readonly record struct Progress(int Done, int Total)
{
    public double Fraction => Total == 0 ? 0 : (double)Done / Total;

    public static Progress Of(IEnumerable<StatusCategory> categories)
    {
        var done = 0;
        var total = 0;
        foreach (var category in categories)
        {
            if (category == StatusCategory.Dropped)
            {
                continue;
            }

            total++;
            if (category == StatusCategory.Done)
            {
                done++;
            }
        }

        return new Progress(done, total);
    }

    public static Progress operator +(Progress left, Progress right) =>
        new(left.Done + right.Done, left.Total + right.Total);
}
