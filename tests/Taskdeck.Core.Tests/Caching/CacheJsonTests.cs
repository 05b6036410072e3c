using System.Text;
using Taskdeck.Core.Caching;
using Taskdeck.Core.Tasks;

namespace Taskdeck.Core.Tests.Caching;

public sealed class CacheJsonTests
{
    [Fact]
    public void WriteThenRead_EmptyAndAbsentLabels_StayApart()
    {
        var tasks = new TaskList([new TaskGroup("G", "Group", [
            new TaskItem("none", "No labels key", "todo"),
            new TaskItem("empty", "Empty labels list", "todo", Labels: []),
            new TaskItem("some", "Two labels", "todo", Labels: ["a", "b"]),
        ])]);

        var read = CacheJson.ReadTaskList(Encoding.UTF8.GetBytes(CacheJson.Write(tasks)));

        Assert.Equal(
            [(false, 0), (true, 0), (true, 2)],
            read.AllTasks.Select(task => (task.HasLabelList, task.Labels.Length)));
        Assert.Equal(tasks, read);
    }

    [Fact]
    public void ReadTaskList_EntryWrittenBeforeEmptyLabelsWereKept_ReadsThemAsAbsent()
    {
        // Earlier versions left out empty lists, so such an entry cannot tell [] from no list.
        const string OldEntry = """{"groups":[{"id":"G","title":"Group","tasks":[{"id":"1","title":"T","status":"todo"}]}]}""";

        var task = CacheJson.ReadTaskList(Encoding.UTF8.GetBytes(OldEntry)).AllTasks.Single();

        Assert.False(task.HasLabelList);
        Assert.Empty(task.Labels);
    }
}
