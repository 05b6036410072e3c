using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Providers;

/// <summary>
/// Reads a provider's stdout against the contract. Every problem names where it is: a JSON path
/// for schema problems, a line and column for syntax errors.
/// </summary>
public static class ProviderOutputParser
{
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
            try
            {
                return ProviderOutcome.Success(ReadRoot(document.RootElement, projectName));
            }
            catch (ContractException exception)
            {
                return ProviderOutcome.Failed(FailureKind.Invalid, $"The provider's output breaks the contract at {exception.Path}: {exception.Message}");
            }
        }
    }

    private static TaskList ReadRoot(JsonElement root, string projectName)
    {
        Expect(root, JsonValueKind.Object, "$", "an object");

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

    private static TaskGroup ReadGroup(JsonElement element, string path)
    {
        Expect(element, JsonValueKind.Object, path, "an object");
        return new TaskGroup(
            RequiredId(element, path),
            RequiredString(element, "title", path),
            Property(element, "tasks") is { } tasks ? ReadArray(tasks, $"{path}.tasks", ReadTask) : [],
            OptionalString(element, "status", path),
            OptionalString(element, "url", path),
            OptionalBool(element, "is_current", path),
            OptionalFile(element, path));
    }

    private static TaskItem ReadTask(JsonElement element, string path)
    {
        Expect(element, JsonValueKind.Object, path, "an object");
        return new TaskItem(
            RequiredId(element, path),
            RequiredString(element, "title", path),
            RequiredString(element, "status", path),
            OptionalString(element, "assignee", path),
            Property(element, "labels") is { } labels
                ? ReadArray(labels, $"{path}.labels", (label, labelPath) => StringValue(label, labelPath))
                : [],
            OptionalInteger(element, "priority", path),
            OptionalString(element, "url", path),
            OptionalDate(element, "created", path),
            OptionalDate(element, "updated", path),
            OptionalFile(element, path));
    }

    private static ImmutableArray<T> ReadArray<T>(JsonElement element, string path, Func<JsonElement, string, T> read)
    {
        Expect(element, JsonValueKind.Array, path, "a list");
        var builder = ImmutableArray.CreateBuilder<T>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            builder.Add(read(item, $"{path}[{index++}]"));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A property that is present and not null; null counts as absent.</summary>
    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string RequiredId(JsonElement element, string path)
    {
        // Numbers are accepted as ids: issue trackers number their items.
        if (Property(element, "id") is { ValueKind: JsonValueKind.Number } number)
        {
            return number.GetRawText();
        }

        var id = RequiredString(element, "id", path);
        return id.Length == 0 ? throw new ContractException($"{path}.id", "is empty; every item needs an id") : id;
    }

    private static string RequiredString(JsonElement element, string name, string path) =>
        Property(element, name) is { } value
            ? StringValue(value, $"{path}.{name}")
            : throw new ContractException($"{path}.{name}", "is missing; it is required");

    private static string? OptionalString(JsonElement element, string name, string path) =>
        Property(element, name) is { } value ? StringValue(value, $"{path}.{name}") : null;

    private static string StringValue(JsonElement value, string path)
    {
        Expect(value, JsonValueKind.String, path, "a string");
        return value.GetString()!;
    }

    private static bool OptionalBool(JsonElement element, string name, string path) =>
        Property(element, name) switch
        {
            null => false,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { } other => throw new ContractException($"{path}.{name}", $"must be true or false, not {Describe(other)}"),
        };

    private static int? OptionalInteger(JsonElement element, string name, string path)
    {
        if (Property(element, name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new ContractException($"{path}.{name}", $"must be a whole number, not {Describe(value)}");
    }

    private static DateTimeOffset? OptionalDate(JsonElement element, string name, string path)
    {
        var text = OptionalString(element, name, path);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, RfcFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ContractException($"{path}.{name}", $"is \"{text}\", which is not an RFC 3339 date such as 2026-02-18T08:00:46Z");
    }

    private static readonly string[] RfcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK", "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    private static string? OptionalFile(JsonElement element, string path)
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
            throw new ContractException($"{path}.file", $"is \"{file}\", which leaves the project folder; 'file' must be a path inside the project");
        }

        return file;
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new ContractException(path, $"must be {what}, not {Describe(element)}");
        }
    }

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

    private sealed class ContractException(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
