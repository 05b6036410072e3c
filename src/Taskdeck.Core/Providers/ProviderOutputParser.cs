using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Providers;

/// <summary>
/// Reads a provider's stdout against the contract. Every problem names where it is: a JSON path
/// for schema problems, a line and column for syntax errors. A syntax error stops the reading; schema
/// problems do not, so that a provider's author sees all of them in one run.
/// </summary>
public static class ProviderOutputParser
{
    /// <summary>How many schema problems are kept with a failure; the rest are only counted.</summary>
    public const int MaxProblems = 20;

    public static ProviderOutcome Parse(ReadOnlyMemory<byte> output, string projectName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? $" at line {line + 1}, column {(exception.BytePositionInLine ?? 0) + 1}"
                : "";
            var what = output.IsEmpty || output.Span.Trim(" \t\r\n"u8).IsEmpty
                ? "printed nothing on stdout"
                : $"printed something that is not JSON{where}";
            return ProviderOutcome.Failed(FailureKind.Parse, $"The provider {what}; it must print one JSON object such as {{\"tasks\": []}}.");
        }

        using (document)
        {
            var reader = new OutputReader(projectName);
            var tasks = reader.ReadRoot(document.RootElement);
            return reader.ProblemCount == 0 ? ProviderOutcome.Success(tasks!) : reader.ToFailure();
        }
    }

    /// <summary>
    /// Walks one output, noting each problem and reading on past it; an item with a problem is
    /// left out (null), since the outcome is a failure anyway.
    /// </summary>
    private sealed class OutputReader(string projectName)
    {
        private readonly ImmutableArray<ContractProblem>.Builder _problems =
            ImmutableArray.CreateBuilder<ContractProblem>();

        public int ProblemCount { get; private set; }

        public ProviderOutcome ToFailure()
        {
            var first = _problems[0];
            var others = ProblemCount == 2 ? "1 more problem" : $"{ProblemCount - 1} more problems";
            var more = ProblemCount > 1 ? $" (and {others}; taskdeck check lists them)" : "";
            var message = $"The provider's output breaks the contract at {first.Path}: {first.Message}{more}";
            var failure = new RunFailure(FailureKind.Invalid, message)
            {
                Problems = _problems.ToImmutable(),
                ProblemCount = ProblemCount,
            };
            return ProviderOutcome.Failed(failure);
        }

        public TaskList? ReadRoot(JsonElement root)
        {
            if (!Expect(root, JsonValueKind.Object, "$", "an object"))
            {
                return null;
            }

            ImmutableArray<TaskGroup> groups;
            if (Property(root, "groups") is { } groupsElement)
            {
                groups = ReadArray(groupsElement, "$.groups", ReadGroup);
            }
            else if (Property(root, "tasks") is { } tasksElement)
            {
                var tasks = ReadArray(tasksElement, "$.tasks", ReadTask);
                groups = [new TaskGroup(projectName, projectName, tasks)];
            }
            else
            {
                groups = [];
            }

            return new TaskList(
                groups,
                OptionalString(root, "current_pbi_id", "$"),
                OptionalString(root, "current_pbi_title", "$"));
        }

        private TaskGroup? ReadGroup(JsonElement element, string path)
        {
            if (!Expect(element, JsonValueKind.Object, path, "an object"))
            {
                return null;
            }

            // The group's own fields first, then its tasks: problems come in the order they are written.
            var id = RequiredId(element, path);
            var title = RequiredString(element, "title", path);
            var status = OptionalString(element, "status", path);
            var url = OptionalString(element, "url", path);
            var isCurrent = OptionalBool(element, "is_current", path);
            var file = OptionalFile(element, path);
            var tasks = Property(element, "tasks") is { } tasksElement
                ? ReadArray(tasksElement, $"{path}.tasks", ReadTask)
                : [];
            return id is null || title is null ? null : new TaskGroup(id, title, tasks, status, url, isCurrent, file);
        }

        private TaskItem? ReadTask(JsonElement element, string path)
        {
            if (!Expect(element, JsonValueKind.Object, path, "an object"))
            {
                return null;
            }

            var id = RequiredId(element, path);
            var title = RequiredString(element, "title", path);
            var status = RequiredString(element, "status", path);
            var assignee = OptionalString(element, "assignee", path);
            // Absent (or null) labels stay default, which the model keeps apart from an empty list.
            var labels = Property(element, "labels") is { } labelsElement
                ? ReadArray(labelsElement, $"{path}.labels", StringValue)
                : default;
            var priority = OptionalInteger(element, "priority", path);
            var url = OptionalString(element, "url", path);
            var created = OptionalDate(element, "created", path);
            var updated = OptionalDate(element, "updated", path);
            var file = OptionalFile(element, path);
            return id is null || title is null || status is null
                ? null
                : new TaskItem(id, title, status, assignee, labels, priority, url, created, updated, file);
        }

        private ImmutableArray<T> ReadArray<T>(JsonElement element, string path, Func<JsonElement, string, T?> read)
            where T : class
        {
            if (!Expect(element, JsonValueKind.Array, path, "a list"))
            {
                return [];
            }

            var builder = ImmutableArray.CreateBuilder<T>(element.GetArrayLength());
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (read(item, $"{path}[{index++}]") is { } value)
                {
                    builder.Add(value);
                }
            }

            return builder.ToImmutable();
        }

        private string? RequiredId(JsonElement element, string path)
        {
            // Numbers are accepted as ids: issue trackers number their items.
            if (Property(element, "id") is { ValueKind: JsonValueKind.Number } number)
            {
                return number.GetRawText();
            }

            var id = RequiredString(element, "id", path);
            if (id is { Length: 0 })
            {
                Report($"{path}.id", "is empty; every item needs an id");
                return null;
            }

            return id;
        }

        private string? RequiredString(JsonElement element, string name, string path)
        {
            if (Property(element, name) is { } value)
            {
                return StringValue(value, $"{path}.{name}");
            }

            Report($"{path}.{name}", "is missing; it is required");
            return null;
        }

        private string? OptionalString(JsonElement element, string name, string path) =>
            Property(element, name) is { } value ? StringValue(value, $"{path}.{name}") : null;

        private string? StringValue(JsonElement value, string path) =>
            Expect(value, JsonValueKind.String, path, "a string") ? value.GetString() : null;

        private bool OptionalBool(JsonElement element, string name, string path)
        {
            switch (Property(element, name))
            {
                case null or { ValueKind: JsonValueKind.False }:
                    return false;
                case { ValueKind: JsonValueKind.True }:
                    return true;
                case { } other:
                    Report($"{path}.{name}", $"must be true or false, not {Describe(other)}");
                    return false;
            }
        }

        private int? OptionalInteger(JsonElement element, string name, string path)
        {
            if (Property(element, name) is not { } value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            Report($"{path}.{name}", $"must be a whole number, not {Describe(value)}");
            return null;
        }

        private DateTimeOffset? OptionalDate(JsonElement element, string name, string path)
        {
            var text = OptionalString(element, name, path);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (DateTimeOffset.TryParseExact(
                text, RfcFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Report($"{path}.{name}", $"is \"{Shorten(text)}\", which is not an RFC 3339 date such as 2026-02-18T08:00:46Z");
            return null;
        }

        private string? OptionalFile(JsonElement element, string path)
        {
            var file = OptionalString(element, "file", path);
            if (string.IsNullOrEmpty(file))
            {
                return null;
            }

            // The file must name something inside the project; links are checked when it is opened.
            var normalized = file.Replace('\\', '/');
            var depth = 0;
            foreach (var part in normalized.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                depth += part switch { ".." => -1, "." => 0, _ => 1 };
                if (depth < 0)
                {
                    break;
                }
            }

            if (Path.IsPathRooted(file) || normalized.StartsWith('/') || depth < 0)
            {
                Report($"{path}.file", $"is \"{Shorten(file)}\", which leaves the project folder; 'file' must be a path inside the project");
                return null;
            }

            return file;
        }

        private bool Expect(JsonElement element, JsonValueKind kind, string path, string what)
        {
            if (element.ValueKind == kind)
            {
                return true;
            }

            Report(path, $"must be {what}, not {Describe(element)}");
            return false;
        }

        private void Report(string path, string message)
        {
            // Counted past the cap, so the message can say how many more there are.
            ProblemCount++;
            if (_problems.Count < MaxProblems)
            {
                _problems.Add(new ContractProblem(path, message));
            }
        }
    }

    /// <summary>A property that is present and not null; null counts as absent.</summary>
    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static readonly string[] RfcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK", "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{Shorten(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
