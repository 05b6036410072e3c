using Taskdeck.Core.Tasks;
using YamlDotNet.RepresentationModel;

namespace Taskdeck.Core.Configuration;

/// <summary>The content of a <c>.taskdeck.yaml</c> or <c>.navi.yaml</c>.</summary>
public sealed record ProjectFile(string? Name, TaskSettings? Tasks)
{
    public const string FileName = ".taskdeck.yaml";
    public const string NaviFileName = ".navi.yaml";

    private static readonly string[] TopLevelKeys = ["name", "tasks"];
    private static readonly string[] TaskKeys = ["provider", "args", "interval", "timeout", "status_map"];

    /// <summary>Reads and validates a project file; throws <see cref="ConfigException"/>.</summary>
    public static ProjectFile Load(string filePath) => Parse(filePath, YamlFile.ReadText(filePath));

    public static ProjectFile Parse(string filePath, string text)
    {
        var yaml = new YamlFile(filePath);
        var root = yaml.LoadRoot(text);

        // navi's file also configures navi's other panels; only the task section is ours to police.
        var isNaviFile = Path.GetFileName(filePath) == NaviFileName;
        var entries = yaml.Entries(root, "", TopLevelKeys, ignoreUnknown: isNaviFile);

        var name = entries.TryGetValue("name", out var nameNode) ? yaml.Scalar(nameNode, "name") : null;
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            throw yaml.Error(nameNode!.Start, "'name' is empty; remove it to use the folder's name");
        }

        var tasks = entries.TryGetValue("tasks", out var tasksNode)
            ? ReadTasks(yaml, yaml.Mapping(tasksNode, "tasks"))
            : null;
        return new ProjectFile(name?.Trim(), tasks);
    }

    private static TaskSettings? ReadTasks(YamlFile yaml, YamlMappingNode mapping)
    {
        var entries = yaml.Entries(mapping, "tasks", TaskKeys);
        if (entries.Count == 0)
        {
            return null;
        }

        if (!entries.TryGetValue("provider", out var providerNode))
        {
            throw yaml.Error(mapping.Start, "'tasks' has no 'provider'; name a built-in (markdown-tasks, github-issues), a script path, or a provider from your providers folder");
        }

        var provider = yaml.Scalar(providerNode, "tasks.provider").Trim();
        if (provider.Length == 0)
        {
            throw yaml.Error(providerNode.Start, "'tasks.provider' is empty");
        }

        var settings = TaskSettings.ForProvider(provider);
        if (entries.TryGetValue("args", out var argsNode))
        {
            settings = settings with { Args = yaml.StringMap(argsNode, "tasks.args") };
        }

        if (entries.TryGetValue("interval", out var intervalNode))
        {
            settings = settings with { Interval = yaml.Duration(intervalNode, "tasks.interval") };
        }

        if (entries.TryGetValue("timeout", out var timeoutNode))
        {
            settings = settings with { Timeout = yaml.Duration(timeoutNode, "tasks.timeout") };
        }

        if (entries.TryGetValue("status_map", out var mapNode))
        {
            settings = settings with { StatusMap = StatusMap.From(yaml.StringMap(mapNode, "tasks.status_map")) };
        }

        return settings;
    }
}
