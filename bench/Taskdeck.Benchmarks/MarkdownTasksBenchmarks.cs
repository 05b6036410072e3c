using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

namespace Taskdeck.Benchmarks;

/// <summary>
/// The built-in markdown-tasks provider on generated backlogs of 4 tasks per item: 60 items is a
/// real project's size (target: under 20 ms); 500 to 2,000 show that time grows linearly.
/// </summary>
[MemoryDiagnoser]
public class MarkdownTasksBenchmarks
{
    private readonly MarkdownTasksProvider _provider = new();
    private string _rootDirPath = "";
    private ProviderRequest _request = null!;

    [Params(60, 500, 1000, 2000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void GenerateBacklog()
    {
        _rootDirPath = Path.Combine(Path.GetTempPath(), $"taskdeck-bench-{Guid.NewGuid():N}");
        BacklogGenerator.Write(_rootDirPath, Items, tasksPerItem: 4);
        _request = new ProviderRequest("bench", _rootDirPath, ImmutableSortedDictionary<string, string>.Empty, TimeSpan.FromMinutes(1));
    }

    [GlobalCleanup]
    public void DeleteBacklog() => Directory.Delete(_rootDirPath, recursive: true);

    [Benchmark]
    public int ReadBacklog()
    {
        var outcome = _provider.RunAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        return outcome.Tasks?.Groups.Length ?? throw new InvalidOperationException(outcome.Failure!.Message);
    }
}
