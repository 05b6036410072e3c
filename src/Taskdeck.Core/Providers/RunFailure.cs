using System.Collections.Immutable;

namespace Taskdeck.Core.Providers;

/// <summary>A failed run, as data: what kind, a sentence a user can act on, and the stderr tail.</summary>
public sealed record RunFailure(FailureKind Kind, string Message, string? Stderr = null)
{
    /// <summary>
    /// For an <see cref="FailureKind.Invalid"/> output: the first problems found, in document
    /// order, at most <see cref="ProviderOutputParser.MaxProblems"/>. The message names only the
    /// first. Not kept in the cache file; <c>taskdeck check</c> runs the provider to show them.
    /// </summary>
    public ImmutableArray<ContractProblem> Problems { get; init; } = [];

    /// <summary>How many problems were found in all, including those past <see cref="Problems"/>.</summary>
    public int ProblemCount { get; init; }
}
