using System.Text;
using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

/// <summary>
/// The folder that holds <c>backlog.md</c> and one folder per item. Every file it hands out lies
/// inside the project, links included, so a backlog cannot make Taskdeck read files elsewhere.
/// </summary>
internal sealed class BacklogFolder
{
    public const string BacklogFileName = "backlog.md";

    private readonly string _projectDirPath;
    private readonly Dictionary<string, bool> _isLinkByItem = new(StringComparer.Ordinal);

    /// <param name="projectDirPath">The project folder, as a real path.</param>
    /// <param name="dirPath">This folder, as a real path inside the project.</param>
    /// <param name="relativeDirPath">This folder as the user wrote it, relative to the project.</param>
    public BacklogFolder(string projectDirPath, string dirPath, string relativeDirPath)
    {
        _projectDirPath = projectDirPath;
        DirPath = dirPath;
        RelativeDirPath = relativeDirPath;
    }

    public string DirPath { get; }

    /// <summary>Relative to the project with '/' separators; empty for the project folder itself.</summary>
    public string RelativeDirPath { get; }

    public string BacklogFilePath => Path.Combine(DirPath, BacklogFileName);

    public string RelativeBacklogFilePath => Relative(BacklogFileName);

    /// <summary>
    /// The project-relative path of <paramref name="fileName"/> in item <paramref name="itemId"/>'s
    /// folder when that file exists and stays inside the project; otherwise null.
    /// </summary>
    public string? Find(string itemId, string fileName)
    {
        if (!BacklogCells.IsPlainName(itemId) || !BacklogCells.IsPlainName(fileName))
        {
            return null;
        }

        var file = new FileInfo(Path.Combine(DirPath, itemId, fileName));
        if (!file.Exists)
        {
            return null;
        }

        var relativePath = Relative($"{itemId}/{fileName}");
        var mayLeave = file.LinkTarget is not null || IsItemFolderLink(itemId);
        return !mayLeave || FileSystemPaths.ResolveInside(_projectDirPath, relativePath) is not null
            ? relativePath
            : null;
    }

    public string FullPath(string relativePath) => Path.Combine(_projectDirPath, relativePath);

    /// <summary>The first line of a file, without a byte order mark or line ending.</summary>
    public string FirstLine(string relativePath)
    {
        using var reader = new StreamReader(FullPath(relativePath), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadLine() ?? "";
    }

    public string ReadAllText(string relativePath) => File.ReadAllText(FullPath(relativePath), Encoding.UTF8);

    private string Relative(string path) => RelativeDirPath.Length == 0 ? path : $"{RelativeDirPath}/{path}";

    private bool IsItemFolderLink(string itemId)
    {
        if (!_isLinkByItem.TryGetValue(itemId, out var isLink))
        {
            isLink = new DirectoryInfo(Path.Combine(DirPath, itemId)).LinkTarget is not null;
            _isLinkByItem[itemId] = isLink;
        }

        return isLink;
    }
}
