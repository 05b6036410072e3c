using System.Collections.Immutable;
using System.Diagnostics;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Providers;

// In the measured collection for the flood test's allocation count; the rest are quick.
[Collection(MeasuredCollection.Name)]
public sealed class ProviderProcessTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly string _recordDirPath;

    public ProviderProcessTests()
    {
        _recordDirPath = _workspace.PathOf("record");
        Directory.CreateDirectory(_recordDirPath);
    }

    public void Dispose() => _workspace.Dispose();

    private ProcessSpec FakeSpec(string mode, TimeSpan? timeout = null, params (string Name, string Value)[] args)
    {
        var environment = ImmutableDictionary.CreateBuilder<string, string>();
        environment["TASKDECK_ARG_MODE"] = mode;
        environment["TASKDECK_ARG_RECORD_DIR"] = _recordDirPath;
        foreach (var (name, value) in args)
        {
            environment[$"TASKDECK_ARG_{name}"] = value;
        }

        return new ProcessSpec(FakeProvider.ExecutablePath, [], _workspace.RootPath, environment.ToImmutable(), timeout ?? TimeSpan.FromSeconds(20));
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_ScriptWhoseInterpreterIsMissing_CannotStartAndSaysWhy()
    {
        var script = _workspace.WriteFile("tasks.sh", "#!/no/such/interpreter\necho '{\"tasks\": []}'\n", isExecutable: true);
        var spec = new ProcessSpec(script, [], _workspace.RootPath, ImmutableDictionary<string, string>.Empty, TimeSpan.FromSeconds(20));

        var outcome = await ProviderProcess.RunAsync(spec, CancellationToken.None);

        Assert.Null(outcome.ExitCode);
        Assert.Contains("could not start", outcome.StartError, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", outcome.StartError, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_ProviderReadingItsSessionAndSignals_LeadsItsOwnSessionWithDefaultSignals()
    {
        // A session leader's session id is its pid; SIGPIPE must be back at its default (0 in the
        // SigIgn mask) although the runtime that started it ignores it.
        var script = _workspace.WriteFile("probe.sh", """
            #!/bin/sh
            session=$(ps -o sid= -p $$ | tr -d ' ')
            ignored=$(awk '/^SigIgn/ { print $2 }' /proc/$$/status)
            blocked=$(awk '/^SigBlk/ { print $2 }' /proc/$$/status)
            echo "$$ $session $ignored $blocked"

            """.Replace("\r", ""), isExecutable: true);
        var spec = new ProcessSpec(script, [], _workspace.RootPath, ImmutableDictionary<string, string>.Empty, TimeSpan.FromSeconds(20));

        var outcome = await ProviderProcess.RunAsync(spec, CancellationToken.None);

        var fields = System.Text.Encoding.UTF8.GetString(outcome.Stdout).Trim().Split(' ');
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(fields[0], fields[1]);
        var ignored = Convert.ToUInt64(fields[2], 16);
        Assert.Equal(0UL, ignored & (1UL << (13 - 1)));
        Assert.Equal(0UL, Convert.ToUInt64(fields[3], 16));
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WhenProviderPrintsJson_ReturnsStdoutAndExitCodeZero()
    {
        var outcome = await ProviderProcess.RunAsync(FakeSpec("ok", args: ("TASKS", "2")), CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.False(outcome.IsTimedOut);
        Assert.Contains("\"T-2\"", System.Text.Encoding.UTF8.GetString(outcome.Stdout), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WhenProviderHangs_StopsItAtTheTimeout()
    {
        var stopwatch = Stopwatch.StartNew();

        var outcome = await ProviderProcess.RunAsync(FakeSpec("hang", TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.True(outcome.IsTimedOut);
        Assert.Null(outcome.ExitCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("grandchild")]
    [InlineData("setsid-grandchild")]
    public async Task Run_WhenProviderExitsLeavingAChildHoldingStdout_ReturnsPromptlyAndKillsTheChild(string mode)
    {
        var stopwatch = Stopwatch.StartNew();

        var outcome = await ProviderProcess.RunAsync(FakeSpec(mode, TimeSpan.FromSeconds(5)), CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("\"T-1\"", System.Text.Encoding.UTF8.GetString(outcome.Stdout), StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
        var leftovers = ProcessTable.RecordedLeftovers(_recordDirPath);
        Assert.Single(leftovers);
        Assert.Empty(await ProcessTable.SurvivorsAsync(leftovers, TimeSpan.FromSeconds(1)));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("sleep 1000 &")]
    [InlineData("setsid sleep 1000 &")]
    public async Task Run_WhenHangingProviderHasAChild_TimesOutWithinASecondOfItsLimitAndLeavesNothing(string startChild)
    {
        // A shell script starts in milliseconds, so the limit measures the run and not a slow start.
        var script = _workspace.WriteFile("hangs.sh", $"""
            #!/bin/sh
            {startChild}
            echo $! > "{_recordDirPath}/leftover-$!"
            sleep 1000
            """, isExecutable: true);
        var spec = new ProcessSpec(script, [], _workspace.RootPath, ImmutableDictionary<string, string>.Empty, TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        var outcome = await ProviderProcess.RunAsync(spec, CancellationToken.None);

        Assert.True(outcome.IsTimedOut);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
        var leftovers = ProcessTable.RecordedLeftovers(_recordDirPath);
        Assert.Single(leftovers);
        Assert.Empty(await ProcessTable.SurvivorsAsync(leftovers, TimeSpan.FromSeconds(1)));
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_WhenProviderFloodsStdout_StopsItAsTooLargeWithBoundedMemory()
    {
        // Allocated, not retained: a reader that held the whole flood for a moment would pass a
        // check made after the run, but not this one.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await ProviderProcess.RunAsync(FakeSpec("flood"), CancellationToken.None);

        var allocatedMiB = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024);
        Assert.True(outcome.IsTooLarge);
        Assert.Null(outcome.ExitCode);
        Assert.Equal(ProcessSpec.DefaultMaxStdoutBytes, outcome.Stdout.Length);
        Assert.True(outcome.StdoutBytes < 200L * 1024 * 1024, "the flood must be stopped, not read to its end");
        Assert.True(allocatedMiB < 48, $"reading the flood allocated {allocatedMiB:0.0} MiB");
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WhenProviderWritesEndlessStderr_KeepsOnlyTheTail()
    {
        var outcome = await ProviderProcess.RunAsync(FakeSpec("stderr-flood"), CancellationToken.None);

        Assert.Equal(1, outcome.ExitCode);
        Assert.True(outcome.StderrTail.Length <= ProcessSpec.DefaultStderrTailBytes);
        Assert.EndsWith("the last line\n", outcome.StderrTail, StringComparison.Ordinal);
        Assert.DoesNotContain("noise line 0\n", outcome.StderrTail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_WhenCancelled_KillsTheProviderAndItsChildren()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ProviderProcess.RunAsync(FakeSpec("grandchild-hang", TimeSpan.FromSeconds(20), ("OWN_SESSION", "1")), cancellation.Token));

        var leftovers = ProcessTable.RecordedLeftovers(_recordDirPath);
        Assert.Single(leftovers);
        Assert.Empty(await ProcessTable.SurvivorsAsync(leftovers, TimeSpan.FromSeconds(1)));
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_Always_GivesTheProviderClosedStdinAndNoTerminal()
    {
        var script = _workspace.WriteFile("probe.sh", """
            #!/bin/sh
            if read line; then echo "read: $line" >&2; exit 9; fi
            if tty >/dev/null 2>&1; then echo "has a tty" >&2; exit 8; fi
            if [ "$(ps -o sid= -p $$ | tr -d ' ')" != "$$" ]; then echo "not a session leader" >&2; exit 7; fi
            echo '{"tasks":[]}'
            """, isExecutable: true);
        var spec = new ProcessSpec(script, [], _workspace.RootPath, ImmutableDictionary<string, string>.Empty, TimeSpan.FromSeconds(10));

        var outcome = await ProviderProcess.RunAsync(spec, CancellationToken.None);

        Assert.True(outcome.ExitCode == 0, outcome.StderrTail);
    }
}
