using System.CommandLine;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Configuration;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Trust;

namespace Taskdeck.Cli;

/// <summary>
/// Everything a command needs, put together once from the environment and the command line:
/// Taskdeck's folders, the global config, the provider runner, the cache and the refresh engine.
/// </summary>
internal sealed class TaskdeckServices : IDisposable
{
    private TaskdeckServices(ParseResult parseResult, TaskdeckPaths paths, GlobalConfig config, TextWriter errorOutput)
    {
        ParseResult = parseResult;
        Paths = paths;
        Config = config;
        ErrorOutput = errorOutput;
        Time = TimeProvider.System;

        var resolver = new ProviderResolver(BuiltIns.Create(), paths.UserProvidersDirPath);
        TrustStore = new TrustStore(paths.DataDirPath, Time, warning => errorOutput.WriteLine($"warning: {warning}"));
        Runner = new ProviderRunner(resolver, TrustStore);
        Cache = OpenCache(paths, Time, errorOutput);
        var concurrency = parseResult.GetValue(CommonOptions.Concurrency) ?? config.Concurrency;
        Engine = new RefreshEngine(Runner, Cache, Time, concurrency);

        if (parseResult.GetValue(CommonOptions.Verbose))
        {
            Runner.RunFinished += report => errorOutput.WriteLine(Output.VerboseReport.Format(report));
        }
    }

    public ParseResult ParseResult { get; }

    public TaskdeckPaths Paths { get; }

    public GlobalConfig Config { get; }

    public TextWriter ErrorOutput { get; }

    public TimeProvider Time { get; }

    /// <summary>The user's trust records; the runner asks them before any project script runs.</summary>
    public TrustStore TrustStore { get; }

    public ProviderRunner Runner { get; }

    public IResultCache Cache { get; }

    public RefreshEngine Engine { get; }

    public RefreshMode Mode =>
        ParseResult.GetValue(CommonOptions.NoCache) ? RefreshMode.Force
        : ParseResult.GetValue(CommonOptions.Cached) ? RefreshMode.CachedOnly
        : RefreshMode.Normal;

    /// <summary>Builds the services; a broken global file is a <see cref="UsageException"/>.</summary>
    public static TaskdeckServices Create(ParseResult parseResult, TextWriter errorOutput)
    {
        if (parseResult.GetValue(CommonOptions.NoCache) && parseResult.GetValue(CommonOptions.Cached))
        {
            throw new UsageException("--no-cache and --cached contradict each other; choose one.");
        }

        var paths = TaskdeckPaths.FromEnvironment();
        GlobalConfig config;
        try
        {
            config = GlobalConfig.Load(paths.GlobalConfigFilePath);
        }
        catch (ConfigException exception)
        {
            throw new UsageException($"The global config is broken: {exception.Error}");
        }

        return new TaskdeckServices(parseResult, paths, config, errorOutput);
    }

    /// <summary>The projects to show, in source order, with hints printed for folders that held none.</summary>
    public async Task<IReadOnlyList<Project>> FindProjectsAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        // Every caller refreshes next, which reads the cache first; opening it while the project
        // files are read overlaps the two.
        (Cache as SqliteResultCache)?.OpenInBackground();

        var startFolders = new List<StartFolder>();
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (paths.Count > 0)
        {
            startFolders.AddRange(paths.Select(path => new StartFolder(path)));
        }
        else
        {
            foreach (var pattern in Config.Projects)
            {
                startFolders.AddRange(FolderGlob.Expand(TaskdeckPaths.ExpandHome(pattern, home))
                    .Select(path => new StartFolder(path, MayUseDefaultProvider: true)));
            }
        }

        if (ParseResult.GetValue(CommonOptions.Tmux))
        {
            try
            {
                var panePaths = await TmuxPanes.ListFolderPathsAsync(cancellationToken);
                startFolders.AddRange(panePaths.Select(path => new StartFolder(path)));
            }
            catch (InvalidOperationException exception)
            {
                throw new UsageException(exception.Message);
            }
        }

        if (startFolders.Count == 0 && paths.Count == 0 && Config.Projects.IsEmpty)
        {
            startFolders.Add(new StartFolder(Environment.CurrentDirectory));
        }

        var found = new ProjectFinder(Config).Find(startFolders);
        foreach (var hint in found.Hints)
        {
            ErrorOutput.WriteLine($"hint: {hint}");
        }

        var timeoutOverride = ParseResult.GetValue(CommonOptions.Timeout) is { } text && Duration.TryParse(text, out var timeout)
            ? timeout
            : (TimeSpan?)null;
        return timeoutOverride is { } limit
            ? found.Projects.Select(project => project with { Timeout = limit }).ToList()
            : found.Projects;
    }

    public void Dispose()
    {
        Cache.Flush();
        (Cache as IDisposable)?.Dispose();
        Engine.Dispose();
    }

    /// <summary>
    /// The persistent cache; it falls back to memory by itself when its file cannot be used, and
    /// says so here, once, on stderr.
    /// </summary>
    private static SqliteResultCache OpenCache(TaskdeckPaths paths, TimeProvider time, TextWriter errorOutput)
    {
        var cache = new SqliteResultCache(paths.CacheDirPath, time);
        cache.Warning += message => errorOutput.WriteLine($"taskdeck: warning: {message}");
        return cache;
    }
}
