using Taskdeck.Core.Refresh;
using Taskdeck.Core.Tasks;
using Taskdeck.Dashboard.Model;
using static Taskdeck.Dashboard.Tests.Support.Build;

namespace Taskdeck.Dashboard.Tests.Model;

public sealed class DashboardModelTests
{
    private static readonly Core.Discovery.Project Shop = Project("shop");
    private static readonly Core.Discovery.Project Blog = Project("blog");

    private static ProjectResult ShopResult() => Ok(Shop,
        CurrentGroup("PBI-1", "Checkout",
            Task("1-1", "Cache totals", "Done"),
            Task("1-2", "Payment form", "InProgress"),
            Task("1-3", "Load test", "Blocked")),
        Group("PBI-2", "Gift cards",
            Task("2-1", "Design the card", "todo"),
            Task("2-2", "Redeem gift card", "review")));

    private static ProjectResult BlogResult() => Ok(Blog,
        Group("B", "Posts",
            Task("b-1", "Write about gift ideas", "todo"),
            Task("b-2", "Archive", "wontfix")));

    private static DashboardModel NewModel() => new([ShopResult(), BlogResult()]);

    private static List<string> Describe(DashboardModel model) =>
        model.Rows.Select(row => row.Kind switch
        {
            RowKind.Project => row.Slot.Project.Name,
            RowKind.Group => $"  {row.Group!.Id}{(row.IsExpanded ? "" : " +")}",
            RowKind.Task => $"    {row.Task!.Id}",
            _ => $"  ({row.Notice})",
        }).ToList();

    [Fact]
    public void Rows_ByDefault_OpenTheCurrentGroupAndSingleGroupsOnly()
    {
        // Arrange
        var model = NewModel();

        // Act
        var rows = Describe(model);

        // Assert
        Assert.Equal(
            ["shop", "  PBI-1", "    1-1", "    1-2", "    1-3", "  PBI-2 +", "blog", "  B", "    b-1", "    b-2"],
            rows);
    }

    [Fact]
    public void CycleSort_ToStatus_PutsWorkInMotionFirstAtEveryLevel()
    {
        // Arrange
        var model = NewModel();
        model.ToggleAll();

        // Act
        model.CycleSort();

        // Assert
        Assert.Equal(SortOrder.Status, model.Sort);
        Assert.Equal(
            ["shop", "  PBI-1", "    1-2", "    1-3", "    1-1", "  PBI-2", "    2-2", "    2-1", "blog", "  B", "    b-1", "    b-2"],
            Describe(model));
    }

    [Fact]
    public void ReverseSort_ByName_ReversesProjectsGroupsAndTasks()
    {
        // Arrange
        var model = NewModel();
        model.ToggleAll();
        model.SetSort(SortOrder.Name);
        var ascending = Describe(model);

        // Act
        model.ReverseSort();

        // Assert
        Assert.Equal(["blog", "  B", "    b-2", "    b-1"], ascending.Take(4));
        Assert.Equal(
            ["shop", "  PBI-2", "    2-2", "    2-1", "  PBI-1", "    1-2", "    1-3", "    1-1", "blog", "  B", "    b-1", "    b-2"],
            Describe(model));
    }

    [Fact]
    public void SetSort_ByProgress_ShowsLeastDoneProjectFirst()
    {
        // Arrange: shop is 1 of 5 done; blog 0 of 1 (the dropped task does not count).
        var model = NewModel();

        // Act
        model.SetSort(SortOrder.Progress);

        // Assert
        Assert.Equal("blog", model.Rows[0].Slot.Project.Name);
    }

    [Fact]
    public void CycleFilter_ToActive_ShowsOnlyWorkInMotionAndCountsOnlyIt()
    {
        // Arrange
        var model = NewModel();
        model.ToggleAll();

        // Act
        model.CycleFilter();

        // Assert
        Assert.Equal(TaskFilter.Active, model.Filter);
        Assert.Equal(["shop", "  PBI-1", "    1-2", "  PBI-2", "    2-2", "blog"], Describe(model));
        Assert.Equal(1, model.Counts[StatusCategory.Active]);
        Assert.Equal(1, model.Counts[StatusCategory.Review]);
        Assert.Equal(0, model.Counts[StatusCategory.Todo]);
    }

    [Fact]
    public void SetFilter_Incomplete_HidesDoneAndDropped()
    {
        // Arrange
        var model = NewModel();
        model.ToggleAll();

        // Act
        model.SetFilter(TaskFilter.Incomplete);

        // Assert
        var rows = Describe(model);
        Assert.DoesNotContain("    1-1", rows);
        Assert.DoesNotContain("    b-2", rows);
        Assert.Contains("    1-3", rows);
        Assert.Equal(5, model.Counts.Total);
    }

    [Fact]
    public void SetSearch_MatchInClosedGroup_OpensItAndMovesToTheMatch()
    {
        // Arrange: PBI-2 is closed.
        var model = NewModel();

        // Act
        model.SetSearch("redeem");

        // Assert
        Assert.Equal("2-2", model.Selected!.Task!.Id);
        Assert.Contains("  PBI-2", Describe(model));
        Assert.Equal(1, model.MatchCount);
        Assert.Equal(1, model.CurrentMatchNumber);
    }

    [Fact]
    public void MoveToNextMatch_AcrossProjects_CyclesAndWrapsAround()
    {
        // Arrange: "gift" matches the group PBI-2, its task 2-2 and blog's b-1.
        var model = NewModel();
        model.SetSearch("gift");
        var first = model.Selected!.Key;

        // Act
        model.MoveToNextMatch();
        var second = model.Selected!.Key;
        model.MoveToNextMatch();
        var third = model.Selected!.Key;
        model.MoveToNextMatch();
        var wrapped = model.Selected!.Key;
        model.MoveToPreviousMatch();

        // Assert
        Assert.Equal(3, model.MatchCount);
        Assert.Equal("PBI-2", first.GroupId);
        Assert.Equal("2-2", second.TaskId);
        Assert.Equal("b-1", third.TaskId);
        Assert.Equal(first, wrapped);
        Assert.Equal(third, model.Selected!.Key);
    }

    [Fact]
    public void ClearSearch_AfterOpeningAGroup_ClosesItAgainAndKeepsTheCursorNearby()
    {
        // Arrange
        var model = NewModel();
        model.SetSearch("redeem");

        // Act
        model.ClearSearch();

        // Assert: the group is closed again, so the cursor falls back to it.
        Assert.Contains("  PBI-2 +", Describe(model));
        Assert.Equal(RowKind.Group, model.Selected!.Kind);
        Assert.Equal("PBI-2", model.Selected.Group!.Id);
        Assert.Equal(0, model.MatchCount);
    }

    [Fact]
    public void ToggleSelected_OnGroupOpenedBySearch_ClosesIt()
    {
        // Arrange
        var model = NewModel();
        model.SetSearch("redeem");
        model.MoveToPreviousGroup();

        // Act
        model.ToggleSelected();

        // Assert
        Assert.Contains("  PBI-2 +", Describe(model));
    }

    [Fact]
    public void MoveDown_OnLastRow_WrapsToFirst()
    {
        // Arrange
        var model = NewModel();
        model.MoveToLast();

        // Act
        model.MoveDown();

        // Assert
        Assert.Equal(0, model.CursorIndex);
    }

    [Fact]
    public void MoveUp_OnFirstRow_WrapsToLast()
    {
        // Arrange
        var model = NewModel();

        // Act
        model.MoveUp();

        // Assert
        Assert.Equal(model.Rows.Count - 1, model.CursorIndex);
    }

    [Fact]
    public void MoveToNextGroup_PastTheLastHeading_WrapsToTheFirst()
    {
        // Arrange
        var model = NewModel();
        var headings = new List<string>();

        // Act
        for (var step = 0; step < 5; step++)
        {
            model.MoveToNextGroup();
            headings.Add(model.Selected!.Group?.Id ?? model.Selected.Slot.Project.Name);
        }

        // Assert
        Assert.Equal(["PBI-1", "PBI-2", "blog", "B", "shop"], headings);
    }

    [Fact]
    public void PageDown_MovesByAScreenAndStopsAtTheEnd()
    {
        // Arrange
        var model = NewModel();
        model.ViewportHeight = 4;

        // Act
        model.PageDown();
        var afterOne = model.CursorIndex;
        model.PageDown();
        model.PageDown();
        model.PageDown();

        // Assert
        Assert.Equal(3, afterOne);
        Assert.Equal(model.Rows.Count - 1, model.CursorIndex);
        Assert.Equal(model.Rows.Count - 4, model.TopIndex);
    }

    [Fact]
    public void PageUp_MovesByAScreenAndStopsAtTheStart()
    {
        // Arrange
        var model = NewModel();
        model.ViewportHeight = 4;
        model.MoveToLast();
        var last = model.CursorIndex;

        // Act
        model.PageUp();
        var afterOne = model.CursorIndex;
        model.PageUp();
        model.PageUp();
        model.PageUp();

        // Assert
        Assert.Equal(last - 3, afterOne);
        Assert.Equal(0, model.CursorIndex);
        Assert.Equal(0, model.TopIndex);
    }

    [Fact]
    public void ToggleSelected_OnTask_ClosesItsGroupAndMovesToIt()
    {
        // Arrange
        var model = NewModel();
        model.MoveTo(3);

        // Act
        model.ToggleSelected();

        // Assert
        Assert.Equal(["shop", "  PBI-1 +", "  PBI-2 +", "blog", "  B", "    b-1", "    b-2"], Describe(model));
        Assert.Equal("PBI-1", model.Selected!.Group!.Id);
    }

    [Fact]
    public void ToggleSelected_OnProject_HidesAndShowsEverythingUnderIt()
    {
        // Arrange
        var model = NewModel();

        // Act
        model.ToggleSelected();
        var closed = Describe(model);
        model.ToggleSelected();

        // Assert
        Assert.Equal(["shop", "blog", "  B", "    b-1", "    b-2"], closed);
        Assert.Equal(10, model.Rows.Count);
    }

    [Fact]
    public void ToggleAll_OpensEverythingThenClosesEveryGroup()
    {
        // Arrange
        var model = NewModel();

        // Act
        model.ToggleAll();
        var opened = model.Rows.Count;
        model.ToggleAll();

        // Assert
        Assert.Equal(12, opened);
        Assert.Equal(["shop", "  PBI-1 +", "  PBI-2 +", "blog", "  B +"], Describe(model));
    }

    [Fact]
    public void Apply_RowsLandingAboveTheCursor_KeepTheCursorOnItsRowAndScreenLine()
    {
        // Arrange: the cursor on blog's b-1, two lines below the top of the view.
        var model = NewModel();
        model.ViewportHeight = 5;
        model.MoveTo(8);
        var screenLine = model.CursorIndex - model.TopIndex;

        // Act: shop's result arrives with an extra group opened by default (a single one now).
        model.Apply(Ok(Shop, Group("PBI-9", "Everything", Task("9-1", "One", "todo"), Task("9-2", "Two", "todo"))));

        // Assert
        Assert.Equal("b-1", model.Selected!.Task!.Id);
        Assert.Equal(screenLine, model.CursorIndex - model.TopIndex);
    }

    [Fact]
    public void Apply_RemovingTheTaskUnderTheCursor_MovesTheCursorToItsGroup()
    {
        // Arrange
        var model = NewModel();
        model.MoveTo(3);

        // Act
        model.Apply(Ok(Shop, CurrentGroup("PBI-1", "Checkout", Task("1-1", "Cache totals", "Done"))));

        // Assert
        Assert.Equal(RowKind.Group, model.Selected!.Kind);
        Assert.Equal("PBI-1", model.Selected.Group!.Id);
    }

    [Fact]
    public void Apply_WithChanges_MarksTasksUntilTheCursorHasBeenOnThem()
    {
        // Arrange
        var model = NewModel();
        var changed = WithChanges(ShopResult(), Now.AddMinutes(1), ["1-3"], ("1-2", "todo", "InProgress"));

        // Act
        model.Apply(changed);
        var before = (model.Projects[0].MarkOf("1-2"), model.Projects[0].MarkOf("1-3"));
        model.MoveTo(3);
        model.Apply(changed);

        // Assert
        Assert.Equal((ChangeMark.StatusChanged, ChangeMark.Added), before);
        Assert.Equal(ChangeMark.None, model.Projects[0].MarkOf("1-2"));
        Assert.Equal(ChangeMark.Added, model.Projects[0].MarkOf("1-3"));
        Assert.Equal(1, model.UnseenChangeCount);
    }

    [Fact]
    public void Apply_FailureWithoutTasks_ShowsAnErrorNoticeUnderTheProject()
    {
        // Arrange
        var model = NewModel();

        // Act
        model.Apply(Failed(Blog, Core.Providers.FailureKind.Exit, "exited with code 2"));

        // Assert
        Assert.Equal(["blog", "  (Error)"], Describe(model).Skip(6));
    }
}
