using System.CommandLine;
using Taskdeck.Core.Configuration;

namespace Taskdeck.Cli;

/// <summary>The options every command that shows projects understands.</summary>
internal static class CommonOptions
{
    public static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Folders to start from; each walks up to its nearest .taskdeck.yaml",
        Arity = ArgumentArity.ZeroOrMore,
        Validators =
        {
            result =>
            {
                // A mistyped option would otherwise be taken for a folder name.
                foreach (var token in result.Tokens.Where(token => token.Value.StartsWith('-')))
                {
                    result.AddError($"Unknown option '{token.Value}'.");
                }
            },
        },
    };

    public static readonly Option<int?> Concurrency = new("--concurrency", "-j")
    {
        Description = "Providers running at once",
        Recursive = true,
        Validators = { result => { if (result.GetValueOrDefault<int?>() is < 1) result.AddError("--concurrency must be 1 or more."); } },
    };

    public static readonly Option<string?> Timeout = new("--timeout")
    {
        Description = "Time limit for each provider run, like 500ms, 30s or 2m",
        Recursive = true,
        Validators = { result => { if (result.GetValueOrDefault<string?>() is { } text && (!Duration.TryParse(text, out var value) || value <= TimeSpan.Zero)) result.AddError($"--timeout is '{text}', which is not a duration; write it like 500ms, 30s or 2m."); } },
    };

    public static readonly Option<bool> NoCache = new("--no-cache")
    {
        Description = "Run every provider now, ignoring cached results",
        Recursive = true,
    };

    public static readonly Option<bool> Cached = new("--cached")
    {
        Description = "Show only what is cached; run nothing",
        Recursive = true,
    };

    public static readonly Option<bool> Tmux = new("--tmux")
    {
        Description = "Also look in the working folder of every tmux pane",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show each provider run: command, duration, exit code, bytes read",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Concurrency);
        root.Options.Add(Timeout);
        root.Options.Add(NoCache);
        root.Options.Add(Cached);
        root.Options.Add(Tmux);
        root.Options.Add(Verbose);
    }
}
