using System.Collections.Immutable;
using System.Globalization;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Configuration;

/// <summary>The user's <c>config.yaml</c>, with the defaults that apply when it says nothing.</summary>
public sealed record GlobalConfig(
    ImmutableArray<string> Projects,
    string? DefaultProvider,
    TimeSpan Interval,
    TimeSpan Timeout,
    int Concurrency,
    StatusMap StatusMap)
{
    /// <summary>How many providers run at once unless the user says otherwise.</summary>
    public const int MaxProviderConcurrency = 4;

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly string[] TopLevelKeys = ["projects", "tasks"];
    private static readonly string[] TaskKeys = ["default_provider", "interval", "timeout", "concurrency", "status_map"];

    public static GlobalConfig Default { get; } =
        new([], null, DefaultInterval, DefaultTimeout, MaxProviderConcurrency, StatusMap.Empty);

    /// <summary>Reads the global file, or the defaults when there is none.</summary>
    public static GlobalConfig Load(string filePath)
    {
        if (!File.Exists(filePath))
        {
            return Default;
        }

        return Parse(filePath, YamlFile.ReadText(filePath));
    }

    public static GlobalConfig Parse(string filePath, string text)
    {
        var yaml = new YamlFile(filePath);
        var entries = yaml.Entries(yaml.LoadRoot(text), "", TopLevelKeys);
        var config = Default;

        if (entries.TryGetValue("projects", out var projectsNode))
        {
            config = config with
            {
                Projects = yaml.Sequence(projectsNode, "projects").Children
                    .Select((node, index) => yaml.Scalar(node, $"projects[{index}]"))
                    .ToImmutableArray(),
            };
        }

        if (!entries.TryGetValue("tasks", out var tasksNode))
        {
            return config;
        }

        var tasks = yaml.Entries(yaml.Mapping(tasksNode, "tasks"), "tasks", TaskKeys);
        if (tasks.TryGetValue("default_provider", out var providerNode))
        {
            config = config with { DefaultProvider = yaml.Scalar(providerNode, "tasks.default_provider").Trim() };
        }

        if (tasks.TryGetValue("interval", out var intervalNode))
        {
            config = config with { Interval = yaml.Duration(intervalNode, "tasks.interval") };
        }

        if (tasks.TryGetValue("timeout", out var timeoutNode))
        {
            config = config with { Timeout = yaml.Duration(timeoutNode, "tasks.timeout") };
        }

        if (tasks.TryGetValue("concurrency", out var concurrencyNode))
        {
            var text2 = yaml.Scalar(concurrencyNode, "tasks.concurrency");
            if (!int.TryParse(text2, NumberStyles.None, CultureInfo.InvariantCulture, out var concurrency) || concurrency < 1)
            {
                throw yaml.Error(concurrencyNode.Start, $"'tasks.concurrency' is '{text2}'; it must be a whole number of 1 or more");
            }

            config = config with { Concurrency = concurrency };
        }

        if (tasks.TryGetValue("status_map", out var mapNode))
        {
            config = config with { StatusMap = StatusMap.From(yaml.StringMap(mapNode, "tasks.status_map")) };
        }

        return config;
    }
}
