namespace Taskdeck.Cli.Output;

/// <summary>How <c>taskdeck list</c> prints its projects.</summary>
internal enum ListFormat
{
    Table,
    Json,

    /// <summary>One short line per project, for a status line or a prompt.</summary>
    Summary,
}
