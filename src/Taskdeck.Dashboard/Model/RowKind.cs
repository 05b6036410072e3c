namespace Taskdeck.Dashboard.Model;

/// <summary>What a line of the dashboard's tree stands for.</summary>
public enum RowKind
{
    Project,

    /// <summary>A line under a project about its state: an error, how to trust it, no tasks yet.</summary>
    Notice,

    Group,

    Task,
}
