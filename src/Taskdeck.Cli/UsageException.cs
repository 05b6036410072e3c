namespace Taskdeck.Cli;

/// <summary>A problem with how Taskdeck was called or configured as a whole: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
