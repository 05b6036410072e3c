namespace Taskdeck.Core.Configuration;

/// <summary>A problem in a configuration file, located as precisely as the parser allows.</summary>
public sealed record ConfigError(string FilePath, string Message, int? Line = null, int? Column = null)
{
    /// <summary>"file:line:column: message", the form editors and terminals make clickable.</summary>
    public override string ToString() => (Line, Column) switch
    {
        ({ } line, { } column) => $"{FilePath}:{line}:{column}: {Message}",
        ({ } line, null) => $"{FilePath}:{line}: {Message}",
        _ => $"{FilePath}: {Message}",
    };
}

/// <summary>Thrown while reading a configuration file; callers turn it into data.</summary>
public sealed class ConfigException(ConfigError error) : Exception(error.ToString())
{
    public ConfigError Error { get; } = error;
}
