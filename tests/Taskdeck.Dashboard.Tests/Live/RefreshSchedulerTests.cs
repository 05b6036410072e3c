using Microsoft.Extensions.Time.Testing;
using Taskdeck.Dashboard.Live;
using static Taskdeck.Dashboard.Tests.Support.Build;

namespace Taskdeck.Dashboard.Tests.Live;

public sealed class RefreshSchedulerTests
{
    [Fact]
    public void Schedule_TwoIntervals_EachProjectFiresAtItsOwnTime()
    {
        // Arrange
        var time = new FakeTimeProvider(Now);
        var fired = new List<string>();
        using var scheduler = new RefreshScheduler(time, due => fired.AddRange(due.Select(project => project.Name)));
        scheduler.Schedule(Project("fast"), Now.AddMinutes(1));
        scheduler.Schedule(Project("slow"), Now.AddMinutes(5));

        // Act
        time.Advance(TimeSpan.FromSeconds(59));
        var beforeFirst = fired.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        var afterFirst = fired.ToList();
        time.Advance(TimeSpan.FromMinutes(4));

        // Assert
        Assert.Equal(0, beforeFirst);
        Assert.Equal(["fast"], afterFirst);
        Assert.Equal(["fast", "slow"], fired);
    }

    [Fact]
    public void Schedule_AgainForTheSameProject_ReplacesItsDueTime()
    {
        // Arrange
        var time = new FakeTimeProvider(Now);
        var fired = new List<string>();
        using var scheduler = new RefreshScheduler(time, due => fired.AddRange(due.Select(project => project.Name)));
        scheduler.Schedule(Project("shop"), Now.AddMinutes(1));

        // Act
        scheduler.Schedule(Project("shop"), Now.AddMinutes(3));
        time.Advance(TimeSpan.FromMinutes(2));
        var early = fired.Count;
        time.Advance(TimeSpan.FromMinutes(1));

        // Assert
        Assert.Equal(0, early);
        Assert.Equal(["shop"], fired);
    }

    [Fact]
    public void Unschedule_ProjectNeverFires()
    {
        // Arrange
        var time = new FakeTimeProvider(Now);
        var fired = new List<string>();
        using var scheduler = new RefreshScheduler(time, due => fired.AddRange(due.Select(project => project.Name)));
        scheduler.Schedule(Project("shop"), Now.AddMinutes(1));

        // Act
        scheduler.Unschedule(Project("shop"));
        time.Advance(TimeSpan.FromHours(1));

        // Assert
        Assert.Empty(fired);
        Assert.Null(scheduler.NextDueAt);
    }
}
