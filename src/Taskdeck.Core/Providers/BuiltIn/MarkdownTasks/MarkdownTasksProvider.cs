using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

/// <summary>
/// The built-in <c>markdown-tasks</c>: a backlog kept as markdown in the repository, read in
/// process with nothing installed.
/// </summary>
public sealed class MarkdownTasksProvider : IBuiltInProvider
{
    public const string DefaultPath = "docs/delivery";

    public string Name => "markdown-tasks";

    public string Description =>
        "A backlog kept as markdown: backlog.md lists the items, <id>/tasks.md their tasks, <id>/prd.md their titles.";

    public IReadOnlyList<ProviderArgument> Arguments { get; } =
    [
        new("path", "The folder holding backlog.md, relative to the project", DefaultPath),
        new("status_filter", "Comma-separated item statuses to show, ignoring case (e.g. Agreed,InProgress)", "every status"),
    ];

    public Task<ProviderOutcome> RunAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        // Reading files blocks; on the pool it runs beside the other providers instead of before them.
        Task.Run(() => Run(request, cancellationToken), cancellationToken);

    private ProviderOutcome Run(ProviderRequest request, CancellationToken cancellationToken)
    {
        var (arguments, refusal) = BuiltInArguments.Read(this, request);
        if (arguments is null)
        {
            return refusal!;
        }

        var (folder, failure) = OpenFolder(request, arguments.Get("path") ?? DefaultPath);
        if (folder is null)
        {
            return failure!;
        }

        try
        {
            return new BacklogReader(folder, StatusFilter(arguments.Get("status_filter")))
                .Read(request.ProjectName, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ProviderOutcome.Failed(FailureKind.Invalid,
                $"Project '{request.ProjectName}': markdown-tasks could not read the backlog in {folder.RelativeDirPath}: {exception.Message}");
        }
    }

    private static (BacklogFolder?, ProviderOutcome?) OpenFolder(ProviderRequest request, string path)
    {
        var projectDirPath = request.ProjectDirPath;
        var dirPath = FileSystemPaths.ResolveInside(projectDirPath, path);
        if (dirPath is null)
        {
            return (null, ProviderOutcome.Failed(FailureKind.Config,
                $"Project '{request.ProjectName}': args.path '{path}' leads outside the project folder '{projectDirPath}'; markdown-tasks reads only inside the project. Set tasks.args.path to a folder inside it, such as {DefaultPath}."));
        }

        if (!Directory.Exists(dirPath))
        {
            return (null, ProviderOutcome.Failed(FailureKind.Config,
                $"Project '{request.ProjectName}': markdown-tasks found no folder '{path}' in '{projectDirPath}'. Create it holding a {BacklogFolder.BacklogFileName} with a table whose header holds ID, User Story and Status, or set tasks.args.path to the folder that holds {BacklogFolder.BacklogFileName} (default: {DefaultPath}). A backlog table starts like this:\n{BacklogReader.ExpectedBacklogHeader}"));
        }

        var fullDirPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, projectDirPath));
        var relativeDirPath = Path.GetRelativePath(projectDirPath, fullDirPath).Replace(Path.DirectorySeparatorChar, '/');
        var folder = new BacklogFolder(projectDirPath, dirPath, relativeDirPath == "." ? "" : relativeDirPath);
        var backlogPath = FileSystemPaths.ResolveInside(projectDirPath, folder.RelativeBacklogFilePath);
        if (backlogPath is null || !File.Exists(backlogPath))
        {
            return (null, ProviderOutcome.Failed(FailureKind.Config,
                $"Project '{request.ProjectName}': markdown-tasks found no {folder.RelativeBacklogFilePath} in '{projectDirPath}'. Add one with a table whose header holds ID, User Story and Status, such as:\n{BacklogReader.ExpectedBacklogHeader}"));
        }

        return (folder, null);
    }

    private static HashSet<string>? StatusFilter(string? text) =>
        text is null
            ? null
            : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
