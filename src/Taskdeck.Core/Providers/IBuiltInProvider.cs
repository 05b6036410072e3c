namespace Taskdeck.Core.Providers;

/// <summary>A provider that runs inside Taskdeck instead of as a script.</summary>
public interface IBuiltInProvider
{
    string Name { get; }

    /// <summary>One sentence for <c>taskdeck providers</c>.</summary>
    string Description { get; }

    IReadOnlyList<ProviderArgument> Arguments { get; }

    /// <summary>Runs the provider. Failures come back as data, never as exceptions.</summary>
    Task<ProviderOutcome> RunAsync(ProviderRequest request, CancellationToken cancellationToken);
}

/// <summary>An argument a built-in provider understands, for help output.</summary>
public sealed record ProviderArgument(string Name, string Description, string? DefaultValue = null);
