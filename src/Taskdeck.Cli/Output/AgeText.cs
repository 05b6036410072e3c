namespace Taskdeck.Cli.Output;

/// <summary>"12s ago", "5m ago": how old a result is, as people say it.</summary>
internal static class AgeText
{
    public static string Since(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age switch
        {
            { TotalSeconds: < 60 } => $"{(int)age.TotalSeconds}s ago",
            { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes}m ago",
            { TotalHours: < 48 } => $"{(int)age.TotalHours}h ago",
            _ => $"{(int)age.TotalDays}d ago",
        };
    }
}
