using System.Buffers;
using System.IO.Enumeration;
using System.Text;
using Taskdeck.Core.Platform;

namespace Taskdeck.Core.Providers.BuiltIn.MarkdownTasks;

/// <summary>
/// The folder that holds <c>backlog.md</c> and one folder per item. Every file it reads lies
/// inside the project, links included, so a backlog cannot make Taskdeck read files elsewhere.
/// </summary>
/// <remarks>
/// Folders are listed once instead of asking about each file: on a backlog of thousands of items
/// that saves most of the system calls. Only the files read (prd.md, tasks.md) are checked for
/// links; a task file is only named, and whoever opens it checks it then.
/// </remarks>
internal sealed class BacklogFolder
{
    public const string BacklogFileName = "backlog.md";

    private readonly string _projectDirPath;
    private readonly Dictionary<string, HashSet<string>> _fileNamesByItem = new(StringComparer.Ordinal);
    private HashSet<string>? _itemDirNames;

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

    public string RelativeBacklogFilePath => Relative(BacklogFileName);

    /// <summary>
    /// The project-relative path of <paramref name="fileName"/> in item <paramref name="itemId"/>'s
    /// folder when that file exists; otherwise null.
    /// </summary>
    public string? Find(string itemId, string fileName) =>
        BacklogCells.IsPlainName(fileName) && FileNamesOf(itemId).Contains(fileName)
            ? Relative($"{itemId}/{fileName}")
            : null;

    /// <summary>Like <see cref="Find"/>, but also null for a link that leads out of the project.</summary>
    public string? FindReadable(string itemId, string fileName) =>
        Find(itemId, fileName) is { } relativePath
        && (!IsLink(FullPath(relativePath)) || IsInsideProject(relativePath))
            ? relativePath
            : null;

    /// <summary>The first line of a file, without a byte order mark or line ending.</summary>
    public string FirstLine(string relativePath)
    {
        // Only the heading is wanted; reading a few hundred bytes beats opening a reader.
        using var handle = File.OpenHandle(FullPath(relativePath));
        var buffer = ArrayPool<byte>.Shared.Rent(512);
        try
        {
            var length = 0;
            int newline;
            while ((newline = buffer.AsSpan(0, length).IndexOf((byte)'\n')) < 0)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
                if (read == 0)
                {
                    newline = length;
                    break;
                }

                length += read;
            }

            var line = buffer.AsSpan(0, newline).TrimEnd((byte)'\r');
            return Encoding.UTF8.GetString(line.StartsWith(Encoding.UTF8.Preamble) ? line[3..] : line);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A whole file as UTF-8 text, without a byte order mark.</summary>
    public string ReadAllText(string relativePath)
    {
        // Reading the bytes at once allocates a fraction of what a stream reader's buffers do.
        var path = FullPath(relativePath);
        var bytes = File.ReadAllBytes(path);
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return File.ReadAllText(path);
        }

        var text = bytes.AsSpan();
        return Encoding.UTF8.GetString(text.StartsWith(Encoding.UTF8.Preamble) ? text[3..] : text);
    }

    private string FullPath(string relativePath) => Path.Combine(_projectDirPath, relativePath);

    private string Relative(string path) => RelativeDirPath.Length == 0 ? path : $"{RelativeDirPath}/{path}";

    private static bool IsLink(string path) => File.ResolveLinkTarget(path, returnFinalTarget: false) is not null;

    private bool IsInsideProject(string relativePath) =>
        FileSystemPaths.ResolveInside(_projectDirPath, relativePath) is { } realPath && Path.Exists(realPath);

    /// <summary>The file names in an item's folder; none when it is missing or leads out.</summary>
    private HashSet<string> FileNamesOf(string itemId)
    {
        if (_fileNamesByItem.TryGetValue(itemId, out var known))
        {
            return known;
        }

        _itemDirNames ??= [.. List(DirPath, isDirectory: true)];
        var itemDirPath = Path.Combine(DirPath, itemId);
        var isUsable = _itemDirNames.Contains(itemId)
            && (!IsLink(itemDirPath) || IsInsideProject(Relative(itemId)));
        HashSet<string> fileNames = isUsable ? [.. List(itemDirPath, isDirectory: false)] : [];
        _fileNamesByItem[itemId] = fileNames;
        return fileNames;
    }

    /// <summary>The names of the folders, or of the other entries, in a folder.</summary>
    private static FileSystemEnumerable<string> List(string dirPath, bool isDirectory) =>
        new(dirPath, (ref FileSystemEntry entry) => entry.FileName.ToString(),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true })
        {
            // The entry's type comes with the listing; asking for attributes would cost a call per file.
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory == isDirectory,
        };
}
