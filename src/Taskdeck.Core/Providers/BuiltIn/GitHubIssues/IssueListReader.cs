using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Providers.BuiltIn.GitHubIssues;

/// <summary>
/// Reads the JSON of <c>gh issue list --json …</c>: one group per milestone in the order the
/// issues name them, then <c>ungrouped</c> for issues without one.
/// </summary>
internal static class IssueListReader
{
    public const string UngroupedId = "ungrouped";

    public static ProviderOutcome Read(ReadOnlyMemory<byte> json, string projectName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            return ProviderOutcome.Failed(FailureKind.Parse,
                $"Project '{projectName}': 'gh issue list' printed something that is not JSON (line {exception.LineNumber + 1}); is the gh on PATH the GitHub CLI, and recent enough for --json (2.0 or later)?");
        }

        using (document)
        {
            try
            {
                return ProviderOutcome.Success(Group(document.RootElement));
            }
            catch (UnexpectedJsonException exception)
            {
                return ProviderOutcome.Failed(FailureKind.Invalid,
                    $"Project '{projectName}': the issue list gh printed is not what github-issues expects at {exception.Path}: {exception.Message}.");
            }
        }
    }

    private static TaskList Group(JsonElement root)
    {
        Expect(root, JsonValueKind.Array, "$");
        var tasksByMilestone = new Dictionary<string, ImmutableArray<TaskItem>.Builder>(StringComparer.Ordinal);
        var milestoneOrder = new List<string>();
        var ungrouped = ImmutableArray.CreateBuilder<TaskItem>();
        var index = 0;
        foreach (var issue in root.EnumerateArray())
        {
            var path = $"$[{index++}]";
            Expect(issue, JsonValueKind.Object, path);
            var task = ReadIssue(issue, path);
            if (MilestoneTitle(issue, path) is not { } milestone)
            {
                ungrouped.Add(task);
                continue;
            }

            if (!tasksByMilestone.TryGetValue(milestone, out var tasks))
            {
                tasks = ImmutableArray.CreateBuilder<TaskItem>();
                tasksByMilestone[milestone] = tasks;
                milestoneOrder.Add(milestone);
            }

            tasks.Add(task);
        }

        var groups = milestoneOrder
            .Select(milestone => new TaskGroup(milestone, milestone, tasksByMilestone[milestone].ToImmutable()))
            .ToList();
        // Known gap: a milestone titled "ungrouped" shares its id with the group of issues without one.
        if (ungrouped.Count > 0)
        {
            groups.Add(new TaskGroup(UngroupedId, "Ungrouped", ungrouped.ToImmutable()));
        }

        return new TaskList([.. groups]);
    }

    private static TaskItem ReadIssue(JsonElement issue, string path)
    {
        var number = Property(issue, "number", path, JsonValueKind.Number);
        if (!number.TryGetInt64(out var issueNumber))
        {
            throw new UnexpectedJsonException($"{path}.number", "the issue number is not a whole number");
        }

        var assignees = Property(issue, "assignees", path, JsonValueKind.Array, isOptional: true);
        var labels = Property(issue, "labels", path, JsonValueKind.Array, isOptional: true);
        return new TaskItem(
            $"#{issueNumber.ToString(CultureInfo.InvariantCulture)}",
            Property(issue, "title", path, JsonValueKind.String).GetString()!,
            Property(issue, "state", path, JsonValueKind.String).GetString()!.ToLowerInvariant(),
            Assignee: assignees.ValueKind == JsonValueKind.Array && assignees.GetArrayLength() > 0
                ? Property(assignees[0], "login", $"{path}.assignees[0]", JsonValueKind.String).GetString()
                : null,
            Labels: labels.ValueKind == JsonValueKind.Array
                ? [.. labels.EnumerateArray().Select((label, i) =>
                    Property(label, "name", $"{path}.labels[{i}]", JsonValueKind.String).GetString()!)]
                : default,
            Url: OptionalString(issue, "url", path),
            Created: OptionalDate(issue, "createdAt", path),
            Updated: OptionalDate(issue, "updatedAt", path));
    }

    private static string? MilestoneTitle(JsonElement issue, string path)
    {
        var milestone = Property(issue, "milestone", path, JsonValueKind.Object, isOptional: true);
        return milestone.ValueKind == JsonValueKind.Object
            && OptionalString(milestone, "title", $"{path}.milestone") is { Length: > 0 } title
                ? title
                : null;
    }

    private static string? OptionalString(JsonElement element, string name, string path) =>
        Property(element, name, path, JsonValueKind.String, isOptional: true) is
        { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static DateTimeOffset? OptionalDate(JsonElement element, string name, string path)
    {
        if (OptionalString(element, name, path) is not { Length: > 0 } text)
        {
            return null;
        }

        var style = DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, style, out var date)
            ? date
            : throw new UnexpectedJsonException($"{path}.{name}", $"\"{text}\" is not a date");
    }

    /// <summary>A property of the expected kind; an optional one may be absent or null (then default).</summary>
    private static JsonElement Property(
        JsonElement element, string name, string path, JsonValueKind kind, bool isOptional = false)
    {
        Expect(element, JsonValueKind.Object, path);
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return isOptional ? default : throw new UnexpectedJsonException($"{path}.{name}", "it is missing");
        }

        Expect(value, kind, $"{path}.{name}");
        return value;
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind != kind)
        {
            throw new UnexpectedJsonException(path, $"expected {kind.ToString().ToLowerInvariant()}, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private sealed class UnexpectedJsonException(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
