using Microsoft.Extensions.Time.Testing;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Refresh;

namespace Taskdeck.Core.Tests.Support;

/// <summary>
/// A refresh engine over real provider processes, with a fake clock and a shared folder where
/// every provider run records itself (a <c>start-PID</c> file, and an interval for finished runs).
/// </summary>
public sealed class EngineHarness : IDisposable
{
    public EngineHarness(int concurrency = 4)
    {
        RecordDirPath = Workspace.PathOf("record");
        Directory.CreateDirectory(RecordDirPath);
        var resolver = new ProviderResolver(new BuiltInProviders([]), Workspace.Paths.UserProvidersDirPath);
        Runner = new ProviderRunner(resolver, TrustEveryone.Instance);
        Engine = new RefreshEngine(Runner, Cache, Time, concurrency);
    }

    public TempWorkspace Workspace { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public MemoryResultCache Cache { get; } = new();

    public ProviderRunner Runner { get; }

    public RefreshEngine Engine { get; }

    public string RecordDirPath { get; }

    /// <summary>How many provider processes have started so far.</summary>
    public int StartedRuns => Directory.EnumerateFiles(RecordDirPath, "start-*").Count();

    /// <summary>
    /// A project whose provider is a small shell script: it records its start, sleeps
    /// <paramref name="delaySeconds"/>, records its interval and prints <paramref name="json"/>.
    /// </summary>
    public Project ScriptProject(
        string name, string json = """{"tasks":[{"id":"1","title":"one","status":"todo"}]}""", double delaySeconds = 0,
        int exitCode = 0, TimeSpan? interval = null, TimeSpan? timeout = null)
    {
        var script = $$"""
            #!/bin/sh
            start=$(date +%s.%N)
            touch "{{RecordDirPath}}/start-$$"
            sleep {{delaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}
            cat <<'JSON'
            {{json}}
            JSON
            echo "$start $(date +%s.%N)" > "{{RecordDirPath}}/interval-$$"
            exit {{exitCode}}
            """;
        var dir = Workspace.AddProject(name, "");
        Workspace.WriteFile(Path.Combine(name, "tasks.sh"), script, isExecutable: true);
        return ProjectFactory.Create(dir, "./tasks.sh", interval: interval, timeout: timeout);
    }

    /// <summary>The most provider runs that overlapped in time, from the intervals they recorded.</summary>
    public int MaxOverlap() => RunRecords.MaxOverlap(RecordDirPath);

    public void Dispose()
    {
        Engine.Dispose();
        Workspace.Dispose();
    }
}
