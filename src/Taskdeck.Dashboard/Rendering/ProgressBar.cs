using Taskdeck.Core.Tasks;

namespace Taskdeck.Dashboard.Rendering;

/// <summary>Progress as a bar of block characters and as "done/total".</summary>
public static class ProgressBar
{
    public const char Filled = '█';
    public const char Empty = '░';

    public static string Bar(Progress progress, int width)
    {
        if (progress.Total == 0 || width <= 0)
        {
            return new string(' ', Math.Max(width, 0));
        }

        var filled = (int)Math.Round(progress.Fraction * width);

        // Some progress always shows, and only finished work fills the bar.
        if (progress.Done > 0)
        {
            filled = Math.Max(filled, 1);
        }

        if (progress.Done < progress.Total)
        {
            filled = Math.Min(filled, width - 1);
        }

        return new string(Filled, filled) + new string(Empty, width - filled);
    }

    public static string Count(Progress progress) =>
        progress.Total == 0 ? "" : $"{progress.Done}/{progress.Total}";
}
