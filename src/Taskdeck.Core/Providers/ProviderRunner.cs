using System.Diagnostics;
using Taskdeck.Core.Discovery;

namespace Taskdeck.Core.Providers;

/// <summary>
/// Gets one project's tasks: resolves its provider, asks the trust check, runs it (in process or
/// as a process) and reads its output. Every failure comes back as data.
/// </summary>
public sealed class ProviderRunner(ProviderResolver resolver, ITrustCheck trustCheck)
{
    public ProviderResolver Resolver { get; } = resolver;

    /// <summary>Raised after every run that started something, for <c>--verbose</c>.</summary>
    public event Action<ProviderRunReport>? RunFinished;

    /// <summary>Resolves and checks a project's provider without running anything.</summary>
    public (ResolvedProvider? Provider, RunFailure? Failure) Prepare(Project project)
    {
        if (project.ConfigError is { } configError)
        {
            return (null, new RunFailure(FailureKind.Config, $"Project '{project.Name}': {configError}"));
        }

        var (provider, failure) = Resolver.Resolve(project);
        if (provider is null)
        {
            return (null, failure);
        }

        if (provider.NeedsTrust && trustCheck.Check(project, provider) is { } untrusted)
        {
            return (provider, untrusted);
        }

        return (provider, null);
    }

    /// <summary>Prepares and runs a project's provider.</summary>
    public async Task<ProviderRun> RunAsync(Project project, CancellationToken cancellationToken)
    {
        var (provider, failure) = Prepare(project);
        return failure is not null
            ? new ProviderRun(ProviderOutcome.Failed(failure), TimeSpan.Zero, provider)
            : await ExecuteAsync(project, provider!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a provider that <see cref="Prepare"/> accepted.</summary>
    public async Task<ProviderRun> ExecuteAsync(Project project, ResolvedProvider provider, CancellationToken cancellationToken)
    {
        var request = new ProviderRequest(project.Name, project.DirPath, project.Settings!.Args, project.Timeout);
        var run = provider.BuiltIn is { } builtIn
            ? await RunBuiltInAsync(builtIn, provider, request, cancellationToken).ConfigureAwait(false)
            : await RunProcessAsync(provider, request, cancellationToken).ConfigureAwait(false);

        RunFinished?.Invoke(new ProviderRunReport(
            project.Name, provider.Description, run.Duration, run.ExitCode, run.StdoutBytes, run.Outcome.Failure?.Kind));
        return run;
    }

    private static async Task<ProviderRun> RunBuiltInAsync(
        IBuiltInProvider builtIn, ResolvedProvider provider, ProviderRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        ProviderOutcome outcome;
        try
        {
            outcome = await builtIn.RunAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = ProviderOutcome.Failed(FailureKind.Timeout,
                $"The built-in provider {builtIn.Name} for project '{request.ProjectName}' did not finish within {Configuration.Duration.Format(request.Timeout)}.");
        }

        return new ProviderRun(outcome, stopwatch.Elapsed, provider) { HasStarted = true };
    }

    private static async Task<ProviderRun> RunProcessAsync(
        ResolvedProvider provider, ProviderRequest request, CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(provider.ExecutablePath!, [], request.ProjectDirPath, ProviderEnvironment.For(request), request.Timeout);
        var result = await ProviderProcess.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        var outcome = Interpret(result, provider, request);
        return new ProviderRun(outcome, result.Duration, provider, result.ExitCode, result.StdoutBytes, result.StderrTail, result.Stdout)
        {
            HasStarted = result.StartError is null,
        };
    }

    private static ProviderOutcome Interpret(ProcessOutcome result, ResolvedProvider provider, ProviderRequest request)
    {
        var who = $"Provider '{provider.ExecutablePath}' of project '{request.ProjectName}'";
        var stderr = result.StderrTail.Length > 0 ? result.StderrTail : null;
        if (result.StartError is { } startError)
        {
            return ProviderOutcome.Failed(FailureKind.NotFound, $"{who} {startError}. Is its first line a valid #! interpreter?");
        }

        if (result.IsTimedOut)
        {
            return ProviderOutcome.Failed(FailureKind.Timeout,
                $"{who} did not finish within {Configuration.Duration.Format(request.Timeout)} and was stopped with everything it started; raise tasks.timeout if it is just slow.", stderr);
        }

        if (result.IsTooLarge)
        {
            return ProviderOutcome.Failed(FailureKind.TooLarge,
                $"{who} printed more than {ProcessSpec.DefaultMaxStdoutBytes / (1024 * 1024)} MiB on stdout and was stopped.", stderr);
        }

        if (result.ExitCode is not 0)
        {
            return ProviderOutcome.Failed(FailureKind.Exit, $"{who} exited with code {result.ExitCode}.", stderr);
        }

        var parsed = ProviderOutputParser.Parse(result.Stdout, request.ProjectName);
        return parsed.Failure is { } failure
            ? ProviderOutcome.Failed(failure with { Message = $"{who}: {failure.Message}", Stderr = stderr })
            : parsed;
    }
}
