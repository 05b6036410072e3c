namespace Taskdeck.Core.Providers;

/// <summary>A provider name from a project file, resolved to what will actually run.</summary>
public sealed record ResolvedProvider(string Name, ProviderKind Kind, string? ExecutablePath, IBuiltInProvider? BuiltIn)
{
    /// <summary>Code that came from somewhere other than Taskdeck or the user's own folder.</summary>
    public bool NeedsTrust => Kind is ProviderKind.ProjectScript or ProviderKind.AbsolutePath;

    /// <summary>How the run is described to the user (verbose output, check, errors).</summary>
    public string Description => BuiltIn is not null ? $"built-in {Name}" : ExecutablePath!;
}
