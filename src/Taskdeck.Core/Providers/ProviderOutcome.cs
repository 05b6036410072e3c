using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Providers;

/// <summary>Either the tasks a provider reported or why it could not.</summary>
public sealed record ProviderOutcome
{
    private ProviderOutcome(TaskList? tasks, RunFailure? failure)
    {
        Tasks = tasks;
        Failure = failure;
    }

    public TaskList? Tasks { get; }

    public RunFailure? Failure { get; }

    public bool IsSuccess => Failure is null;

    public static ProviderOutcome Success(TaskList tasks) => new(tasks, null);

    public static ProviderOutcome Failed(FailureKind kind, string message, string? stderr = null) =>
        new(null, new RunFailure(kind, message, stderr));

    public static ProviderOutcome Failed(RunFailure failure) => new(null, failure);
}
