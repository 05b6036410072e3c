using System.Globalization;
using System.Text;
using System.Text.Json;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Tests.Support;

/// <summary>
/// A task list as canonical JSON in the provider contract's shape (fixed key order, absent values
/// left out), so golden files read like provider output and differences show as text.
/// </summary>
public static class TaskListJson
{
    public static string Canonical(TaskList list)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("groups");
            foreach (var group in list.Groups)
            {
                WriteGroup(writer, group);
            }

            writer.WriteEndArray();
            WriteIfPresent(writer, "current_pbi_id", list.CurrentGroupId);
            WriteIfPresent(writer, "current_pbi_title", list.CurrentGroupTitle);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A golden file read through the real provider output parser, then made canonical.</summary>
    public static string CanonicalFromProviderOutput(string json, string projectName = "project")
    {
        var outcome = ProviderOutputParser.Parse(Encoding.UTF8.GetBytes(json), projectName);
        Assert.True(outcome.IsSuccess, outcome.Failure?.Message);
        return Canonical(outcome.Tasks!);
    }

    private static void WriteGroup(Utf8JsonWriter writer, TaskGroup group)
    {
        writer.WriteStartObject();
        writer.WriteString("id", group.Id);
        writer.WriteString("title", group.Title);
        WriteIfPresent(writer, "status", group.Status);
        WriteIfPresent(writer, "url", group.Url);
        if (group.IsCurrent)
        {
            writer.WriteBoolean("is_current", true);
        }

        WriteIfPresent(writer, "file", group.File);
        writer.WriteStartArray("tasks");
        foreach (var task in group.Tasks)
        {
            WriteTask(writer, task);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTask(Utf8JsonWriter writer, TaskItem task)
    {
        writer.WriteStartObject();
        writer.WriteString("id", task.Id);
        writer.WriteString("title", task.Title);
        writer.WriteString("status", task.Status);
        WriteIfPresent(writer, "assignee", task.Assignee);
        if (task.Labels.Length > 0)
        {
            writer.WriteStartArray("labels");
            foreach (var label in task.Labels)
            {
                writer.WriteStringValue(label);
            }

            writer.WriteEndArray();
        }

        if (task.Priority is { } priority)
        {
            writer.WriteNumber("priority", priority);
        }

        WriteIfPresent(writer, "url", task.Url);
        WriteIfPresent(writer, "created", task.Created?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        WriteIfPresent(writer, "updated", task.Updated?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        WriteIfPresent(writer, "file", task.File);
        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
