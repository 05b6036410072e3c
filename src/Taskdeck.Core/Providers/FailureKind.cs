namespace Taskdeck.Core.Providers;

/// <summary>Why a project has no fresh result. Each kind has a stable name in errors and JSON.</summary>
public enum FailureKind
{
    /// <summary>The run passed its time limit; it and everything it started were killed.</summary>
    Timeout,

    /// <summary>The provider exited with a non-zero code.</summary>
    Exit,

    /// <summary>The provider's output is not JSON.</summary>
    Parse,

    /// <summary>The output is JSON but breaks the provider contract.</summary>
    Invalid,

    /// <summary>The output passed the size limit and the run was stopped.</summary>
    TooLarge,

    /// <summary>No such provider, or it is not executable.</summary>
    NotFound,

    /// <summary>The project file is broken.</summary>
    Config,

    /// <summary>The provider is a script the user has not trusted; nothing ran.</summary>
    Untrusted,
}

public static class FailureKindNames
{
    public static string ToWireName(this FailureKind kind) => kind switch
    {
        FailureKind.Timeout => "timeout",
        FailureKind.Exit => "exit",
        FailureKind.Parse => "parse",
        FailureKind.Invalid => "invalid",
        FailureKind.TooLarge => "too-large",
        FailureKind.NotFound => "not-found",
        FailureKind.Config => "config",
        FailureKind.Untrusted => "untrusted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static FailureKind? FromWireName(string name) => name switch
    {
        "timeout" => FailureKind.Timeout,
        "exit" => FailureKind.Exit,
        "parse" => FailureKind.Parse,
        "invalid" => FailureKind.Invalid,
        "too-large" => FailureKind.TooLarge,
        "not-found" => FailureKind.NotFound,
        "config" => FailureKind.Config,
        "untrusted" => FailureKind.Untrusted,
        _ => null,
    };
}
