namespace Taskdeck.Core.Providers;

/// <summary>One place where a provider's output breaks the contract.</summary>
/// <param name="Path">Where, as a JSON path such as <c>$.groups[2].tasks[0].status</c>.</param>
/// <param name="Message">What is wrong there, such as "is missing; it is required".</param>
public sealed record ContractProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
