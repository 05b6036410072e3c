namespace Taskdeck.Dashboard.Model;

/// <summary>
/// Names a row independently of where it is drawn, so the cursor can stay on "the same" row when
/// results arrive, the sort changes or groups open and close.
/// </summary>
public readonly record struct RowKey(RowKind Kind, string ProjectDirPath, string? GroupId = null, string? TaskId = null)
{
    /// <summary>The key of the group or project this row sits under, or null for a project.</summary>
    public RowKey? Parent => Kind switch
    {
        RowKind.Task => this with { Kind = RowKind.Group, TaskId = null },
        RowKind.Group or RowKind.Notice => new RowKey(RowKind.Project, ProjectDirPath),
        _ => null,
    };
}
