using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Tests.Tasks;

public sealed class StatusTests
{
    [Theory]
    [InlineData("Done", StatusCategory.Done)]
    [InlineData("MERGED", StatusCategory.Done)]
    [InlineData("In Progress", StatusCategory.Active)]
    [InlineData("in_progress", StatusCategory.Active)]
    [InlineData("WIP", StatusCategory.Active)]
    [InlineData("Code-Review", StatusCategory.Review)]
    [InlineData("QA", StatusCategory.Review)]
    [InlineData("On Hold", StatusCategory.Blocked)]
    [InlineData("won't fix", StatusCategory.Todo)]
    [InlineData("wont-fix", StatusCategory.Dropped)]
    [InlineData("Cancelled", StatusCategory.Dropped)]
    [InlineData("Proposed", StatusCategory.Todo)]
    [InlineData("", StatusCategory.Todo)]
    public void Of_StatusWord_FallsIntoItsCategory(string status, StatusCategory expected)
    {
        Assert.Equal(expected, StatusCategories.Of(status));
    }

    [Theory]
    [InlineData(new[] { StatusCategory.Done, StatusCategory.Active }, StatusCategory.Active)]
    [InlineData(new[] { StatusCategory.Done, StatusCategory.Done }, StatusCategory.Done)]
    [InlineData(new[] { StatusCategory.Done, StatusCategory.Dropped }, StatusCategory.Done)]
    [InlineData(new[] { StatusCategory.Todo, StatusCategory.Blocked }, StatusCategory.Blocked)]
    [InlineData(new[] { StatusCategory.Todo, StatusCategory.Done }, StatusCategory.Todo)]
    [InlineData(new[] { StatusCategory.Dropped }, StatusCategory.Dropped)]
    [InlineData(new StatusCategory[0], StatusCategory.Todo)]
    public void Derive_GroupWithoutStatus_TakesItsCategoryFromItsTasks(StatusCategory[] tasks, StatusCategory expected)
    {
        Assert.Equal(expected, StatusCategories.Derive(tasks));
    }

    [Fact]
    public void Progress_CountsDoneOverAllButDropped()
    {
        var group = new TaskGroup("G", "G", [
            new TaskItem("1", "a", "done"), new TaskItem("2", "b", "todo"),
            new TaskItem("3", "c", "cancelled"), new TaskItem("4", "d", "closed")]);

        Assert.Equal(new Progress(2, 3), group.Progress());
    }

    [Fact]
    public void StatusMap_ProjectEntriesOverGlobal_MatchIgnoringCase()
    {
        var global = StatusMap.From([new("open", "todo"), new("closed", "done")]);
        var project = StatusMap.From([new("Open", "Doing")]);

        var merged = project.Over(global);

        Assert.Equal("Doing", merged.Apply("OPEN"));
        Assert.Equal("done", merged.Apply("closed"));
        Assert.Equal("Other", merged.Apply("Other"));
    }

    [Fact]
    public void WithStatusMap_MapsTaskAndGroupStatusesSoCategoriesFollow()
    {
        var list = new TaskList([new TaskGroup("G", "G", [new TaskItem("1", "a", "Agreed")], Status: "Agreed")]);

        var mapped = list.WithStatusMap(StatusMap.From([new("agreed", "In Progress")]));

        Assert.Equal(StatusCategory.Active, mapped.Groups[0].Category());
        Assert.Equal("In Progress", mapped.AllTasks.Single().Status);
    }
}
