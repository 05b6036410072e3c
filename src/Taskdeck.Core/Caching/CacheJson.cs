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
    // The longest property name written below ("statusChanged") fits.
    private const int MaxNameLength = 16;

    public static string Write(TaskList tasks) => WriteWith(json => WriteTaskList(json, tasks));

    public static string Write(TaskChanges changes) => WriteWith(json => WriteChanges(json, changes));

    /// <summary>Reads what <see cref="Write(TaskList)"/> wrote; throws <see cref="JsonException"/> on anything else.</summary>
    public static TaskList ReadTaskList(ReadOnlySpan<byte> utf8)
    {
        // A forward-only reader instead of JsonDocument: this runs for every project on start.
        var reader = new Utf8JsonReader(utf8);
        ReadStartObject(ref reader);
        string? currentId = null, currentTitle = null;
        var groups = ImmutableArray.CreateBuilder<TaskGroup>();
        Span<char> name = stackalloc char[MaxNameLength];
        while (ReadProperty(ref reader))
        {
            switch (NameOf(in reader, name))
            {
                case "currentId": currentId = ReadString(ref reader); break;
                case "currentTitle": currentTitle = ReadString(ref reader); break;
                case "groups": ReadArray(ref reader, groups, ReadGroup); break;
                default: reader.Skip(); break;
            }
        }

        return new TaskList(groups.ToImmutable(), currentId, currentTitle);
    }

    public static TaskChanges ReadChanges(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        ReadStartObject(ref reader);
        var added = ImmutableArray.CreateBuilder<string>();
        var removed = ImmutableArray.CreateBuilder<string>();
        var statusChanged = ImmutableArray.CreateBuilder<StatusChange>();
        Span<char> name = stackalloc char[MaxNameLength];
        while (ReadProperty(ref reader))
        {
            switch (NameOf(in reader, name))
            {
                case "added": ReadArray(ref reader, added, ReadStringValue); break;
                case "removed": ReadArray(ref reader, removed, ReadStringValue); break;
                case "statusChanged": ReadArray(ref reader, statusChanged, ReadStatusChange); break;
                default: reader.Skip(); break;
            }
        }

        var changes = new TaskChanges(added.ToImmutable(), removed.ToImmutable(), statusChanged.ToImmutable());
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
        // An empty list is written too: it differs from none. Entries written before this kept
        // only non-empty lists, so their empty ones read back as absent.
        if (task.HasLabelList)
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

    private delegate T ItemReader<T>(ref Utf8JsonReader reader);

    private static TaskGroup ReadGroup(ref Utf8JsonReader reader)
    {
        string? id = null, title = null, status = null, url = null, file = null;
        var isCurrent = false;
        var tasks = ImmutableArray.CreateBuilder<TaskItem>();
        Span<char> name = stackalloc char[MaxNameLength];
        while (ReadProperty(ref reader))
        {
            switch (NameOf(in reader, name))
            {
                case "id": id = ReadString(ref reader); break;
                case "title": title = ReadString(ref reader); break;
                case "status": status = ReadString(ref reader); break;
                case "url": url = ReadString(ref reader); break;
                case "file": file = ReadString(ref reader); break;
                case "current": isCurrent = reader.Read() && reader.GetBoolean(); break;
                case "tasks": ReadArray(ref reader, tasks, ReadTask); break;
                default: reader.Skip(); break;
            }
        }

        return new TaskGroup(
            Required(id, "id"), Required(title, "title"), tasks.ToImmutable(), status, url, isCurrent, file);
    }

    private static TaskItem ReadTask(ref Utf8JsonReader reader)
    {
        string? id = null, title = null, status = null, assignee = null, url = null, file = null;
        string? created = null, updated = null;
        int? priority = null;
        ImmutableArray<string> labels = default;
        Span<char> name = stackalloc char[MaxNameLength];
        while (ReadProperty(ref reader))
        {
            switch (NameOf(in reader, name))
            {
                case "id": id = ReadString(ref reader); break;
                case "title": title = ReadString(ref reader); break;
                case "status": status = ReadString(ref reader); break;
                case "assignee": assignee = ReadString(ref reader); break;
                case "labels": labels = ReadStrings(ref reader); break;
                case "priority": priority = reader.Read() ? reader.GetInt32() : null; break;
                case "url": url = ReadString(ref reader); break;
                case "created": created = ReadString(ref reader); break;
                case "updated": updated = ReadString(ref reader); break;
                case "file": file = ReadString(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new TaskItem(Required(id, "id"), Required(title, "title"), Required(status, "status"),
            assignee, labels, priority, url, ParseDate(created), ParseDate(updated), file);
    }

    private static StatusChange ReadStatusChange(ref Utf8JsonReader reader)
    {
        string? id = null, oldStatus = null, newStatus = null;
        Span<char> name = stackalloc char[MaxNameLength];
        while (ReadProperty(ref reader))
        {
            switch (NameOf(in reader, name))
            {
                case "id": id = ReadString(ref reader); break;
                case "old": oldStatus = ReadString(ref reader); break;
                case "new": newStatus = ReadString(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new StatusChange(Required(id, "id"), Required(oldStatus, "old"), Required(newStatus, "new"));
    }

    /// <summary>
    /// The current property name as characters, without allocating; a name this file never writes
    /// (too long, or escaped) comes back empty and is skipped.
    /// </summary>
    private static ReadOnlySpan<char> NameOf(in Utf8JsonReader reader, Span<char> buffer) =>
        reader.ValueIsEscaped || reader.ValueSpan.Length > buffer.Length
            ? []
            : buffer[..Encoding.UTF8.GetChars(reader.ValueSpan, buffer)];

    private static void ReadStartObject(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The cached JSON is not an object.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool ReadProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Reads the array that is the current property's value, one object or string at a time.</summary>
    private static void ReadArray<T>(
        ref Utf8JsonReader reader, ImmutableArray<T>.Builder items, ItemReader<T> readItem)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The cached JSON has no array where one belongs.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }
    }

    private static ImmutableArray<string> ReadStrings(ref Utf8JsonReader reader)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        ReadArray(ref reader, values, ReadStringValue);
        return values.ToImmutable();
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return ReadStringValue(ref reader);
    }

    private static string ReadStringValue(ref Utf8JsonReader reader) =>
        reader.GetString() ?? throw new JsonException("The cached JSON has null where a string belongs.");

    private static string Required(string? value, string name) =>
        value ?? throw new JsonException($"The cached JSON lacks '{name}'.");

    private static DateTimeOffset? ParseDate(string? text) =>
        text is null
            ? null
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

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
}
