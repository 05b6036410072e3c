using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Refresh;

public sealed class DeterminismProperties
{
    private const int ProjectCount = 6;

    /// <summary>
    /// Whatever order the runs finish in (each provider sleeps a generated delay), the assembled
    /// result is the same: projects in source order with their own tasks.
    /// </summary>
    [Property(MaxTest = 8)]
    public Property Refresh_AnyFinishingOrder_GivesTheSameAssembledResult()
    {
        var delays = Gen.Choose(0, 250).ArrayOf(ProjectCount).ToArbitrary();
        return Prop.ForAll(delays, delaysMs =>
        {
            using var harness = new EngineHarness(concurrency: 3);
            var projects = Enumerable.Range(0, ProjectCount)
                .Select(index => harness.ScriptProject(
                    $"p{index}",
                    $$"""{"groups":[{"id":"G{{index}}","title":"Group {{index}}","tasks":[{"id":"{{index}}-1","title":"x","status":"wip"},{"id":"{{index}}-2","title":"y","status":"done"}]}]}""",
                    delaySeconds: delaysMs[index] / 1000.0))
                .ToList();

            var results = harness.Engine.RefreshAllAsync(projects, RefreshMode.Normal, CancellationToken.None)
                .GetAwaiter().GetResult();

            return Canonical(results) == Expected();
        });
    }

    private static string Canonical(IEnumerable<ProjectResult> results) =>
        string.Join("\n", results.Select(result =>
            $"{result.Project.Name}:{result.State}:" + string.Join(",", result.Tasks!.Groups.Select(group =>
                $"{group.Id}[{string.Join(",", group.Tasks.Select(task => $"{task.Id}={task.Status}"))}]"))));

    private static string Expected() =>
        string.Join("\n", Enumerable.Range(0, ProjectCount).Select(index => $"p{index}:Ok:G{index}[{index}-1=wip,{index}-2=done]"));
}
