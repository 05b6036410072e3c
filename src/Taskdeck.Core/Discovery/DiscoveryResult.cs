using System.Collections.Immutable;

namespace Taskdeck.Core.Discovery;

/// <summary>The projects found, in source order, and hints about starting folders that held none.</summary>
public sealed record DiscoveryResult(ImmutableArray<Project> Projects, ImmutableArray<string> Hints);
