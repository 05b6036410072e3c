using System.Text;
using Taskdeck.Core.Providers;

namespace Taskdeck.Core.Tests.Providers;

public sealed class ProviderOutputParserTests
{
    private static ProviderOutcome Parse(string json) => ProviderOutputParser.Parse(Encoding.UTF8.GetBytes(json), "shop");

    [Fact]
    public void Parse_GroupedOutput_KeepsGroupsTasksAndOrder()
    {
        var outcome = Parse("""
            {"groups": [
              {"id": "PBI-2", "title": "Second", "status": "Agreed", "tasks": []},
              {"id": "PBI-1", "title": "First", "is_current": true, "url": "https://x", "file": "docs/1/prd.md",
               "tasks": [{"id": "1-1", "title": "A", "status": "Done", "assignee": "ana", "labels": ["core"],
                          "priority": 2, "created": "2026-02-18T08:00:46Z", "updated": "", "file": "docs/1/1-1.md",
                          "unknown": {"ignored": true}}]}],
             "current_pbi_id": "PBI-1", "current_pbi_title": "First"}
            """);

        var tasks = Assert.IsType<Taskdeck.Core.Tasks.TaskList>(outcome.Tasks);
        Assert.Equal(["PBI-2", "PBI-1"], tasks.Groups.Select(group => group.Id));
        var task = Assert.Single(tasks.Groups[1].Tasks);
        Assert.Equal(("ana", 2, "core"), (task.Assignee, task.Priority, task.Labels.Single()));
        Assert.Equal(new DateTimeOffset(2026, 2, 18, 8, 0, 46, TimeSpan.Zero), task.Created);
        Assert.Null(task.Updated);
        Assert.True(tasks.Groups[1].IsCurrent);
        Assert.Equal("PBI-1", tasks.CurrentGroupId);
    }

    [Fact]
    public void Parse_FlatTasks_BecomeOneGroupNamedAfterTheProject()
    {
        var outcome = Parse("""{"tasks": [{"id": "1", "title": "A", "status": "todo"}]}""");

        var group = Assert.Single(outcome.Tasks!.Groups);
        Assert.Equal(("shop", "shop", 1), (group.Id, group.Title, group.Tasks.Length));
    }

    [Fact]
    public void Parse_BothGroupsAndTasks_GroupsWin()
    {
        var outcome = Parse("""{"groups": [{"id": "G", "title": "G"}], "tasks": [{"id": "1", "title": "A", "status": "todo"}]}""");

        Assert.Equal("G", Assert.Single(outcome.Tasks!.Groups).Id);
    }

    [Theory]
    [InlineData("""{"groups": [{"id": "G", "title": "G", "tasks": [{"id": "1", "title": "A"}]}]}""", "$.groups[0].tasks[0].status", "missing")]
    [InlineData("""{"groups": [{"title": "G"}]}""", "$.groups[0].id", "missing")]
    [InlineData("""{"tasks": [{"id": "1", "title": "A", "status": 3}]}""", "$.tasks[0].status", "the number 3")]
    [InlineData("""{"tasks": [{"id": "1", "title": "A", "status": "x", "priority": 1.5}]}""", "$.tasks[0].priority", "whole number")]
    [InlineData("""{"tasks": [{"id": "1", "title": "A", "status": "x", "created": "yesterday"}]}""", "$.tasks[0].created", "RFC 3339")]
    [InlineData("""{"tasks": [{"id": "1", "title": "A", "status": "x", "labels": "core"}]}""", "$.tasks[0].labels", "a list")]
    [InlineData("""{"tasks": [{"id": "1", "title": "A", "status": "x", "file": "../../etc/passwd"}]}""", "$.tasks[0].file", "leaves the project")]
    [InlineData("""{"tasks": [{"id": "1", "title": "A", "status": "x", "file": "/etc/passwd"}]}""", "$.tasks[0].file", "leaves the project")]
    [InlineData("""{"groups": {"id": "G"}}""", "$.groups", "a list")]
    [InlineData("""[1, 2]""", "$", "an object")]
    public void Parse_OutputBreakingTheContract_IsInvalidWithItsJsonPath(string json, string path, string reason)
    {
        var failure = Parse(json).Failure;

        Assert.NotNull(failure);
        Assert.Equal(FailureKind.Invalid, failure.Kind);
        Assert.Contains($"at {path}:", failure.Message, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.Equal((path, 1), (Assert.Single(failure.Problems).Path, failure.ProblemCount));
    }

    [Fact]
    public void Parse_OutputWithSeveralProblems_ReportsEveryOneWithItsPathInDocumentOrder()
    {
        var failure = Parse("""
            {"groups": [
              {"id": "G1", "tasks": [{"id": "1", "title": "A"}, {"id": "2", "title": "B", "status": "x", "priority": 1.5}]},
              "not a group",
              {"id": "G3", "title": "C", "is_current": "yes", "tasks": [{"id": "", "title": "D", "status": "x", "labels": [1]}]}],
             "current_pbi_id": 7}
            """).Failure;

        Assert.NotNull(failure);
        Assert.Equal(FailureKind.Invalid, failure.Kind);
        Assert.Equal(
            [
                "$.groups[0].title", "$.groups[0].tasks[0].status", "$.groups[0].tasks[1].priority", "$.groups[1]",
                "$.groups[2].is_current", "$.groups[2].tasks[0].id", "$.groups[2].tasks[0].labels[0]", "$.current_pbi_id",
            ],
            failure.Problems.Select(problem => problem.Path));
        Assert.Equal(8, failure.ProblemCount);
        Assert.Equal("must be a string, not the number 7", failure.Problems[^1].Message);
        Assert.Equal(
            "The provider's output breaks the contract at $.groups[0].title: is missing; it is required "
            + "(and 7 more problems; taskdeck check lists them)",
            failure.Message);
    }

    [Fact]
    public void Parse_OutputWithMoreProblemsThanTheCap_KeepsTheFirstAndCountsAll()
    {
        var tasks = Enumerable.Range(0, ProviderOutputParser.MaxProblems + 7).Select(index => $"{{\"id\": \"{index}\", \"title\": \"T\"}}");

        var failure = Parse($"{{\"tasks\": [{string.Join(", ", tasks)}]}}").Failure;

        Assert.NotNull(failure);
        Assert.Equal(ProviderOutputParser.MaxProblems, failure.Problems.Length);
        Assert.Equal(ProviderOutputParser.MaxProblems + 7, failure.ProblemCount);
        Assert.Equal("$.tasks[19].status", failure.Problems[^1].Path);
        Assert.EndsWith($"(and {ProviderOutputParser.MaxProblems + 6} more problems; taskdeck check lists them)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_IsParseFailureWithLineAndColumn()
    {
        var failure = Parse("{\n  \"tasks\": [\n    oops\n  ]\n}").Failure;

        Assert.Equal(FailureKind.Parse, failure!.Kind);
        Assert.Contains("line 3, column 5", failure.Message, StringComparison.Ordinal);
        Assert.Empty(failure.Problems);
    }

    [Fact]
    public void Parse_EmptyOutput_SaysNothingWasPrinted()
    {
        var failure = Parse("  \n").Failure;

        Assert.Equal(FailureKind.Parse, failure!.Kind);
        Assert.Contains("printed nothing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LabelsAbsentNullOrEmpty_KeepsWhetherAListWasGiven()
    {
        var outcome = Parse("""
            {"tasks": [{"id": "1", "title": "A", "status": "x"}, {"id": "2", "title": "B", "status": "x", "labels": null},
                       {"id": "3", "title": "C", "status": "x", "labels": []}]}
            """);

        Assert.Equal([false, false, true], outcome.Tasks!.AllTasks.Select(task => task.HasLabelList));
        Assert.All(outcome.Tasks.AllTasks, task => Assert.Empty(task.Labels));
    }

    [Fact]
    public void Parse_NumericIdsAndNulls_AreAcceptedAsTextAndAbsence()
    {
        var outcome = Parse("""{"tasks": [{"id": 42, "title": "A", "status": "open", "assignee": null, "priority": null}]}""");

        var task = Assert.Single(outcome.Tasks!.AllTasks);
        Assert.Equal(("42", null, null), (task.Id, task.Assignee, task.Priority));
    }
}
