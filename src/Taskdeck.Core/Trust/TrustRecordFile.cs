using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Taskdeck.Core.Trust;

/// <summary>
/// Reads and writes the trust records as one JSON file. Writes go to a temporary file that is
/// renamed over the old one, so a crash never leaves half a file; a damaged file reads as no
/// records with a reason, never as an exception.
/// </summary>
public static class TrustRecordFile
{
    public const int FormatVersion = 1;

    /// <summary>The records in the file (none when it does not exist) or why it could not be read.</summary>
    public static (IReadOnlyList<TrustRecord> Records, string? Problem) Load(string filePath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(filePath);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return ([], null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ([], $"it cannot be read: {exception.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return (ReadRoot(document.RootElement), null);
        }
        catch (JsonException exception)
        {
            return ([], $"it is not valid JSON (line {exception.LineNumber + 1}): {exception.Message}");
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return ([], $"it is not a trust file this Taskdeck understands: {exception.Message}");
        }
    }

    /// <summary>Replaces the file with <paramref name="records"/>, atomically, readable only by the user.</summary>
    public static void Save(string filePath, IEnumerable<TrustRecord> records)
    {
        var tempPath = $"{filePath}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(tempPath, options))
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    WriteRoot(writer, records);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, filePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    private static void WriteRoot(Utf8JsonWriter writer, IEnumerable<TrustRecord> records)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", FormatVersion);
        writer.WriteStartArray("projects");
        foreach (var record in records)
        {
            var snapshot = record.Snapshot;
            writer.WriteStartObject();
            writer.WriteString("dir", snapshot.ProjectDirPath);
            writer.WriteString("trustedAt", record.TrustedAt.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("provider", snapshot.ProviderName);
            writer.WriteStartObject("args");
            foreach (var (key, value) in snapshot.Args)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            WriteFile(writer, "projectFile", snapshot.ProjectFile);
            WriteFile(writer, "script", snapshot.Script);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter writer, string name, TrustedFile? file)
    {
        if (file is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("path", file.Path);
        writer.WriteString("sha256", file.Sha256);
        writer.WriteNumber("length", file.Length);
        writer.WriteString("text", file.Text);
        writer.WriteEndObject();
    }

    private static List<TrustRecord> ReadRoot(JsonElement root)
    {
        var version = root.GetProperty("version").GetInt32();
        if (version != FormatVersion)
        {
            throw new FormatException($"it has format version {version}, and this Taskdeck reads version {FormatVersion}");
        }

        var records = new List<TrustRecord>();
        foreach (var entry in root.GetProperty("projects").EnumerateArray())
        {
            var args = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var arg in entry.GetProperty("args").EnumerateObject())
            {
                args[arg.Name] = arg.Value.GetString() ?? throw new FormatException($"args.{arg.Name} is null");
            }

            var snapshot = new TrustSnapshot(
                RequiredString(entry, "dir"),
                RequiredString(entry, "provider"),
                args.ToImmutable(),
                ReadFile(entry.GetProperty("projectFile")),
                ReadFile(entry.GetProperty("script")) ?? throw new FormatException("a record has no script"));
            var trustedAt = DateTimeOffset.Parse(RequiredString(entry, "trustedAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            records.Add(new TrustRecord(snapshot, trustedAt));
        }

        return records;
    }

    private static TrustedFile? ReadFile(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null
            ? null
            : new TrustedFile(
                RequiredString(element, "path"),
                element.GetProperty("sha256").GetString(),
                element.GetProperty("text").GetString(),
                element.GetProperty("length").GetInt64());

    private static string RequiredString(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
}
