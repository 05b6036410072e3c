using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Taskdeck.Core.Configuration;

/// <summary>
/// Reads a small YAML file through YamlDotNet's node model rather than its object deserializer:
/// every node keeps its line and column, so each error can point at the exact spot, and no
/// reflection is needed, which keeps the build ready for Native AOT.
/// </summary>
internal sealed class YamlFile(string filePath)
{
    public string FilePath { get; } = filePath;

    /// <summary>The file's text; an unreadable file is a <see cref="ConfigException"/> naming it.</summary>
    public static string ReadText(string filePath)
    {
        try
        {
            return File.ReadAllText(filePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(new ConfigError(filePath, $"cannot be read: {exception.Message}"));
        }
    }

    public YamlMappingNode LoadRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw Error(exception.Start, $"is not valid YAML: {FirstLine(exception.Message)}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(stream.Documents[0].RootNode.Start, "must be a mapping of keys to values at the top level");
    }

    /// <summary>The mapping's entries by key, refusing keys not in <paramref name="knownKeys"/>.</summary>
    public ImmutableDictionary<string, YamlNode> Entries(
        YamlMappingNode mapping, string section, IReadOnlyCollection<string> knownKeys, bool ignoreUnknown = false)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = Scalar(keyNode, section);
            if (!knownKeys.Contains(key))
            {
                if (ignoreUnknown)
                {
                    continue;
                }

                var where = section.Length == 0 ? "at the top level" : $"in '{section}'";
                throw Error(keyNode.Start,
                    $"unknown key '{key}' {where}; expected one of: {string.Join(", ", knownKeys)}");
            }

            if (!builder.TryAdd(key, valueNode))
            {
                throw Error(keyNode.Start, $"key '{key}' appears twice {(section.Length == 0 ? "at the top level" : $"in '{section}'")}");
            }
        }

        return builder.ToImmutable();
    }

    public string Scalar(YamlNode node, string path) => node switch
    {
        YamlScalarNode { Value: { } value } => value,
        YamlScalarNode => "",
        _ => throw Error(node.Start, $"'{path}' must be a single value, not a {KindOf(node)}"),
    };

    public YamlMappingNode Mapping(YamlNode node, string path) => node switch
    {
        YamlMappingNode mapping => mapping,
        YamlScalarNode { Value: null or "" or "~" or "null" } => [],
        _ => throw Error(node.Start, $"'{path}' must be a mapping of keys to values, not a {KindOf(node)}"),
    };

    public YamlSequenceNode Sequence(YamlNode node, string path) => node switch
    {
        YamlSequenceNode sequence => sequence,
        YamlScalarNode { Value: null or "" or "~" or "null" } => [],
        _ => throw Error(node.Start, $"'{path}' must be a list, not a {KindOf(node)}"),
    };

    public TimeSpan Duration(YamlNode node, string path)
    {
        var text = Scalar(node, path);
        if (!Configuration.Duration.TryParse(text, out var value) || value <= TimeSpan.Zero)
        {
            throw Error(node.Start, $"'{path}' is '{text}', which is not a duration; write it like 500ms, 30s, 2m or 1h");
        }

        return value;
    }

    public ImmutableSortedDictionary<string, string> StringMap(YamlNode node, string path)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in Mapping(node, path).Children)
        {
            var key = Scalar(keyNode, path);
            builder[key] = Scalar(valueNode, $"{path}.{key}");
        }

        return builder.ToImmutable();
    }

    public ConfigException Error(Mark mark, string message) =>
        new(new ConfigError(FilePath, message, (int)mark.Line, (int)mark.Column));

    public ConfigException Error(string message) => new(new ConfigError(FilePath, message));

    private static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    private static string FirstLine(string message)
    {
        var text = message.Split('\n')[0].Trim();
        var closing = text.IndexOf("): ", StringComparison.Ordinal);
        return closing >= 0 && text.StartsWith('(') ? text[(closing + 3)..] : text;
    }
}
