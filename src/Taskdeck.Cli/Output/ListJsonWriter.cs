using System.Text.Encodings.Web;
using System.Text.Json;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Cli.Output;

/// <summary>
/// Writes the versioned <c>list --json</c> document. Keys are written by hand, in a fixed order,
/// so scripts and diffs can rely on the bytes; absent values are written as null, never omitted.
/// With <c>changedOnly</c> (<c>list --changed</c>) only changed projects, groups and tasks are
/// written; a group's progress still counts all of its tasks.
/// </summary>
internal static class ListJsonWriter
{
    public const int Version = 1;

    private const int FlushThresholdBytes = 64 * 1024;

    public static void Write(Stream output, IReadOnlyList<ProjectResult> results, bool changedOnly = false)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

        json.WriteStartObject();
        json.WriteNumber("version", Version);
        json.WriteStartArray("projects");
        foreach (var result in results)
        {
            if (changedOnly && !ChangedTasks.IsProjectShown(result))
            {
                continue;
            }

            WriteProject(json, result, changedOnly ? ChangedTasks.Of(result) : null);

            // The writer buffers until flushed; without this the whole document sits in memory.
            if (json.BytesPending > FlushThresholdBytes)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteProject(Utf8JsonWriter json, ProjectResult result, ChangedTasks? onlyChanged)
    {
        json.WriteStartObject();
        json.WriteString("name", result.Project.Name);
        json.WriteString("dir", result.Project.DirPath);
        WriteNullableString(json, "provider", result.Project.ProviderName);
        json.WriteString("state", result.State.ToWireName());
        json.WriteBoolean("fromCache", result.IsFromCache);
        WriteNullableString(json, "fetchedAt", result.FetchedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        if (result.Duration is { } duration)
        {
            json.WriteNumber("durationMs", (long)Math.Round(duration.TotalMilliseconds));
        }
        else
        {
            json.WriteNull("durationMs");
        }

        WriteError(json, result.Failure);
        WriteNullableString(json, "currentGroupId", result.CurrentGroupId);
        WriteChanges(json, result.Changes);

        json.WriteStartArray("groups");
        foreach (var group in result.ShownTasks?.Groups ?? [])
        {
            if (onlyChanged is null || onlyChanged.Contains(group))
            {
                WriteGroup(json, group, onlyChanged);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter json, RunFailure? failure)
    {
        if (failure is null)
        {
            json.WriteNull("error");
            return;
        }

        json.WriteStartObject("error");
        json.WriteString("kind", failure.Kind.ToWireName());
        json.WriteString("message", failure.Message);
        WriteNullableString(json, "stderr", failure.Stderr);
        json.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter json, TaskChanges changes)
    {
        json.WriteStartObject("changes");
        WriteStrings(json, "added", changes.Added);
        WriteStrings(json, "removed", changes.Removed);
        WriteStrings(json, "statusChanged", changes.StatusChanged.Select(change => change.TaskId));
        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, TaskGroup group, ChangedTasks? onlyChanged)
    {
        json.WriteStartObject();
        json.WriteString("id", group.Id);
        json.WriteString("title", group.Title);
        WriteNullableString(json, "status", group.Status);
        json.WriteString("category", group.Category().ToWireName());
        WriteNullableString(json, "url", group.Url);
        WriteNullableString(json, "file", group.File);
        json.WriteBoolean("isCurrent", group.IsCurrent);
        var progress = group.Progress();
        json.WriteStartObject("progress");
        json.WriteNumber("done", progress.Done);
        json.WriteNumber("total", progress.Total);
        json.WriteEndObject();

        json.WriteStartArray("tasks");
        foreach (var task in group.Tasks)
        {
            if (onlyChanged is null || onlyChanged.Contains(task))
            {
                WriteTask(json, task);
            }
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
        json.WriteString("category", task.Category().ToWireName());
        WriteNullableString(json, "assignee", task.Assignee);
        if (task.HasLabelList)
        {
            WriteStrings(json, "labels", task.Labels);
        }
        else
        {
            json.WriteNull("labels");
        }

        if (task.Priority is { } priority)
        {
            json.WriteNumber("priority", priority);
        }
        else
        {
            json.WriteNull("priority");
        }

        WriteNullableString(json, "url", task.Url);
        WriteNullableString(json, "created", task.Created?.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        WriteNullableString(json, "updated", task.Updated?.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        WriteNullableString(json, "file", task.File);
        json.WriteEndObject();
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

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
