namespace Taskdeck.Dashboard.Model;

/// <summary>One comparable value per sort order: a rank, a fraction or a name.</summary>
internal readonly record struct SortKey(int RankValue, double FractionValue, string? TextValue) : IComparable<SortKey>
{
    public static SortKey Rank(int rank) => new(rank, 0, null);

    public static SortKey Fraction(double fraction) => new(0, fraction, null);

    public static SortKey Text(string text) => new(0, 0, text);

    public int CompareTo(SortKey other)
    {
        var byRank = RankValue.CompareTo(other.RankValue);
        if (byRank != 0)
        {
            return byRank;
        }

        var byFraction = FractionValue.CompareTo(other.FractionValue);
        return byFraction != 0 ? byFraction : StringComparer.OrdinalIgnoreCase.Compare(TextValue, other.TextValue);
    }
}
