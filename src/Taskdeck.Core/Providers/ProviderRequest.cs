using System.Collections.Immutable;

namespace Taskdeck.Core.Providers;

/// <summary>What a provider is asked: which project, with which arguments, for how long.</summary>
public sealed record ProviderRequest(
    string ProjectName,
    string ProjectDirPath,
    ImmutableSortedDictionary<string, string> Args,
    TimeSpan Timeout);
