namespace Taskdeck.Core.Providers;

/// <summary>A failed run, as data: what kind, a sentence a user can act on, and the stderr tail.</summary>
public sealed record RunFailure(FailureKind Kind, string Message, string? Stderr = null);
