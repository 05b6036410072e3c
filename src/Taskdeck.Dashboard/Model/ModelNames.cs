namespace Taskdeck.Dashboard.Model;

/// <summary>The words the header uses for sorts and filters.</summary>
public static class ModelNames
{
    public static string ToDisplayName(this SortOrder sort) => sort switch
    {
        SortOrder.Source => "source",
        SortOrder.Status => "status",
        SortOrder.Name => "name",
        SortOrder.Progress => "progress",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    public static string ToDisplayName(this TaskFilter filter) => filter switch
    {
        TaskFilter.All => "all",
        TaskFilter.Active => "active",
        TaskFilter.Incomplete => "incomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };
}
