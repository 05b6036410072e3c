using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Caching;

/// <summary>
/// The JSON the cache file keeps for task lists and changes. Written and read by hand so that it
/// needs no reflection; short keys because a thousand projects are read on every start.
/// </summary>
internal static class CacheJson
{
    public static string Write(TaskList tasks) => WriteWith(json => WriteTaskList(json, tasks));

    public static string Write(TaskChanges changes) => WriteWith(json => WriteChanges(json, changes));

    public static TaskList ReadTaskList(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var groups = ImmutableArray.CreateBuilder<TaskGroup>();
        foreach (var group in root.GetProperty("groups").EnumerateArray())
        {
            groups.Add(ReadGroup(group));
        }

        return new TaskList(groups.ToImmutable(), OptionalString(root, "currentId"), OptionalString(root, "currentTitle"));
    }

    public static TaskChanges ReadChanges(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var statusChanged = root.GetProperty("statusChanged").EnumerateArray()
            .Select(change => new StatusChange(
                change.GetProperty("id").GetString()!,
                change.GetProperty("old").GetString()!,
                change.GetProperty("new").GetString()!))
            .ToImmutableArray();
        var changes = new TaskChanges(Strings(root, "added"), Strings(root, "removed"), statusChanged);
        return changes.HasChanges ? changes : TaskChanges.None;
    }

    private static string WriteWith(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteTaskList(Utf8JsonWriter json, TaskList tasks)
    {
        json.WriteStartObject();
        WriteOptional(json, "currentId", tasks.CurrentGroupId);
        WriteOptional(json, "currentTitle", tasks.CurrentGroupTitle);
        json.WriteStartArray("groups");
        foreach (var group in tasks.Groups)
        {
            json.WriteStartObject();
            json.WriteString("id", group.Id);
            json.WriteString("title", group.Title);
            WriteOptional(json, "status", group.Status);
            WriteOptional(json, "url", group.Url);
            WriteOptional(json, "file", group.File);
            if (group.IsCurrent)
            {
                json.WriteBoolean("current", true);
            }

            json.WriteStartArray("tasks");
            foreach (var task in group.Tasks)
            {
                WriteTask(json, task);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTask(Utf8JsonWriter json, TaskItem task)
    {
        json.WriteStartObject();
        json.WriteString("id", task.Id);
        json.WriteString("title", task.Title);
        json.WriteString("status", task.Status);
        WriteOptional(json, "assignee", task.Assignee);
        if (task.Labels.Length > 0)
        {
            WriteStrings(json, "labels", task.Labels);
        }

        if (task.Priority is { } priority)
        {
            json.WriteNumber("priority", priority);
        }

        WriteOptional(json, "url", task.Url);

        // Round-trip format: the offset the provider wrote is part of what it reported.
        WriteOptional(json, "created", task.Created?.ToString("O", CultureInfo.InvariantCulture));
        WriteOptional(json, "updated", task.Updated?.ToString("O", CultureInfo.InvariantCulture));
        WriteOptional(json, "file", task.File);
        json.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter json, TaskChanges changes)
    {
        json.WriteStartObject();
        WriteStrings(json, "added", changes.Added);
        WriteStrings(json, "removed", changes.Removed);
        json.WriteStartArray("statusChanged");
        foreach (var change in changes.StatusChanged)
        {
            json.WriteStartObject();
            json.WriteString("id", change.TaskId);
            json.WriteString("old", change.OldStatus);
            json.WriteString("new", change.NewStatus);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static TaskGroup ReadGroup(JsonElement group)
    {
        var tasks = ImmutableArray.CreateBuilder<TaskItem>();
        foreach (var task in group.GetProperty("tasks").EnumerateArray())
        {
            tasks.Add(new TaskItem(
                task.GetProperty("id").GetString()!,
                task.GetProperty("title").GetString()!,
                task.GetProperty("status").GetString()!,
                OptionalString(task, "assignee"),
                Strings(task, "labels"),
                task.TryGetProperty("priority", out var priority) ? priority.GetInt32() : null,
                OptionalString(task, "url"),
                OptionalDate(task, "created"),
                OptionalDate(task, "updated"),
                OptionalString(task, "file")));
        }

        return new TaskGroup(
            group.GetProperty("id").GetString()!,
            group.GetProperty("title").GetString()!,
            tasks.ToImmutable(),
            OptionalString(group, "status"),
            OptionalString(group, "url"),
            group.TryGetProperty("current", out var current) && current.GetBoolean(),
            OptionalString(group, "file"));
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static DateTimeOffset? OptionalDate(JsonElement element, string name) =>
        OptionalString(element, name) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;

    private static ImmutableArray<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var values)
            ? values.EnumerateArray().Select(value => value.GetString()!).ToImmutableArray()
            : [];
}
