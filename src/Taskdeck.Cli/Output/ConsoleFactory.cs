using Spectre.Console;

namespace Taskdeck.Cli.Output;

/// <summary>A Spectre console for stdout that respects NO_COLOR and redirection.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole ForStdout()
    {
        var isRedirected = Console.IsOutputRedirected;
        var noColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = isRedirected || noColor ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = isRedirected || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });

        // Piped output has no width; keep lines whole instead of folding them at 80 columns.
        console.Profile.Width = isRedirected ? 160 : Math.Max(Console.WindowWidth, 40);
        return console;
    }
}
