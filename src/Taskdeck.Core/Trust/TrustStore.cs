using System.Diagnostics;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Platform;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Text;

namespace Taskdeck.Core.Trust;

/// <summary>
/// The trust records in <c>$XDG_DATA_HOME/taskdeck/trust.json</c>: one per project, holding the
/// project's real folder and the hashes and text of its project file and script. A project whose
/// provider needs trust runs only while what it would run now matches its record.
/// </summary>
public sealed class TrustStore : ITrustStore
{
    public const string FileName = "trust.json";

    /// <summary>How many lines of a script <see cref="Review"/> shows.</summary>
    public const int PreviewLineCount = 20;

    private const int PreviewLineWidth = 200;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly Action<string> _warn;
    private readonly Lock _lock = new();
    private Dictionary<string, TrustRecord> _recordsByDirPath = new(StringComparer.Ordinal);
    private (DateTime WrittenAt, long Length)? _loadedStamp;
    private string? _lastProblem;

    /// <param name="warn">Told, once per problem, when the trust file is damaged and ignored.</param>
    public TrustStore(string dataDirPath, TimeProvider time, Action<string>? warn = null)
    {
        DataDirPath = dataDirPath;
        FilePath = Path.Combine(dataDirPath, FileName);
        _time = time;
        _warn = warn ?? (_ => { });
    }

    public string DataDirPath { get; }

    public string FilePath { get; }

    /// <summary>The command that reviews and trusts the project in <paramref name="projectDirPath"/>.</summary>
    public static string TrustCommandFor(string projectDirPath) => $"taskdeck trust {ShellText.Quote(projectDirPath)}";

    public RunFailure? Check(Project project, ResolvedProvider provider)
    {
        var record = Find(project.DirPath);

        // Known gap: the script is hashed here and started moments later by its path, so a process
        // that can already write the project folder could swap it in between; only files the
        // project file names are covered, not what the script itself reads or runs.
        var current = TrustSnapshot.Capture(project, provider);
        if (record is not null && record.Snapshot.IsMatchedBy(current))
        {
            return null;
        }

        var command = TrustCommandFor(project.DirPath);
        var what = provider.Kind == ProviderKind.ProjectScript ? "script" : "provider";
        var message = record is null
            ? $"Project '{project.Name}' is not trusted yet, so its {what} '{provider.Name}' did not run; review it and trust it with: {command}"
            : $"Project '{project.Name}' changed since you trusted it ({string.Join(", ", TrustComparison.Summarize(record.Snapshot, current))}), so it did not run; review the change and trust it again with: {command}";
        return new RunFailure(FailureKind.Untrusted, message);
    }

    public TrustReview Review(Project project, ResolvedProvider provider)
    {
        var record = Find(project.DirPath);
        var current = TrustSnapshot.Capture(project, provider);
        var isTrusted = record is not null && record.Snapshot.IsMatchedBy(current);
        string? changes = null;
        if (record is not null && !isTrusted)
        {
            var described = TrustComparison.Describe(record.Snapshot, current);
            changes = TerminalText.MultiLine(described.Length > 0 ? described : "what the project runs changed in a way no diff shows\n");
        }

        return new TrustReview(project, provider, isTrusted, Preview(current.Script), changes)
        {
            Snapshot = current,
            TrustedAt = record?.TrustedAt,
        };
    }

    public void Trust(Project project, ResolvedProvider provider) => Trust(Review(project, provider));

    public void Trust(TrustReview review)
    {
        if (review.Snapshot is not { } snapshot)
        {
            throw new ArgumentException($"The review of project '{review.Project.Name}' holds nothing to trust.", nameof(review));
        }

        if (!snapshot.IsComplete)
        {
            throw new InvalidOperationException(
                $"Project '{review.Project.Name}' cannot be trusted: '{(snapshot.Script.IsReadable ? snapshot.ProjectFile!.Path : snapshot.Script.Path)}' cannot be read; check that it exists and that you may read it.");
        }

        var record = new TrustRecord(snapshot, _time.GetUtcNow());
        Update(records => records[snapshot.ProjectDirPath] = record);
    }

    public bool Untrust(string projectDirPath)
    {
        var keys = new[] { Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectDirPath)), FileSystemPaths.RealPath(projectDirPath) };
        var isRemoved = false;
        Update(records =>
        {
            foreach (var key in keys.OfType<string>().Distinct())
            {
                isRemoved |= records.Remove(key);
            }
        });
        return isRemoved;
    }

    public IReadOnlyList<TrustRecord> Records()
    {
        lock (_lock)
        {
            Reload();
            return _recordsByDirPath.Values.OrderBy(record => record.ProjectDirPath, StringComparer.Ordinal).ToList();
        }
    }

    private TrustRecord? Find(string projectDirPath)
    {
        lock (_lock)
        {
            Reload();
            return _recordsByDirPath.GetValueOrDefault(projectDirPath);
        }
    }

    /// <summary>Reads the file again when another Taskdeck (or this one) has replaced it.</summary>
    private void Reload()
    {
        var info = new FileInfo(FilePath);
        var stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (default(DateTime), -1L);
        if (stamp == _loadedStamp)
        {
            return;
        }

        var (records, problem) = TrustRecordFile.Load(FilePath);
        _recordsByDirPath = records.ToDictionary(record => record.ProjectDirPath, StringComparer.Ordinal);
        _loadedStamp = stamp;
        if (problem is not null && problem != _lastProblem)
        {
            _warn($"The trust records in '{FilePath}' are damaged ({problem}), so they were ignored and every project script counts as untrusted; trusting a project starts a new file and keeps the damaged one as '{FilePath}.damaged'.");
        }

        _lastProblem = problem;
    }

    /// <summary>Reads the latest records, changes them and writes them back, one Taskdeck at a time.</summary>
    private void Update(Action<Dictionary<string, TrustRecord>> change)
    {
        CreatePrivateDirectory(DataDirPath);
        using var fileLock = AcquireLock();
        lock (_lock)
        {
            _loadedStamp = null;
            Reload();
            if (_lastProblem is not null && File.Exists(FilePath))
            {
                File.Move(FilePath, FilePath + ".damaged", overwrite: true);
                _lastProblem = null;
            }

            var records = new Dictionary<string, TrustRecord>(_recordsByDirPath, StringComparer.Ordinal);
            change(records);
            TrustRecordFile.Save(FilePath, records.Values.OrderBy(record => record.ProjectDirPath, StringComparer.Ordinal));
            _recordsByDirPath = records;
            _loadedStamp = null;
        }
    }

    /// <summary>An exclusive lock on a file beside the records, so two trusts cannot lose one another.</summary>
    private FileStream AcquireLock()
    {
        var lockPath = FilePath + ".lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // On Unix, FileShare.None takes an advisory flock that other Taskdecks respect.
                return new FileStream(lockPath, options);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                Thread.Sleep(20);
            }
            catch (IOException exception)
            {
                throw new IOException($"Another Taskdeck has held '{lockPath}' for {LockWait.TotalSeconds:0} seconds; try again, or delete that file if no Taskdeck is running.", exception);
            }
        }
    }

    private static void CreatePrivateDirectory(string dirPath)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dirPath);
            return;
        }

        // Whoever can write the records can trust code on the user's behalf.
        Directory.CreateDirectory(dirPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static List<string> Preview(TrustedFile script)
    {
        if (!script.IsReadable)
        {
            return [$"(cannot read '{TerminalText.SingleLine(script.Path)}')"];
        }

        if (script.Text is null)
        {
            return [$"(not a text file, or too large to show: {script.Length} bytes, SHA-256 {script.Sha256})"];
        }

        return script.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Take(PreviewLineCount)
            .Select(line => TerminalText.MultiLine(line.Length > PreviewLineWidth ? line[..PreviewLineWidth] + "…" : line))
            .ToList();
    }
}
