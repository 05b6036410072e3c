using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;
using Taskdeck.Core.Trust;

namespace Taskdeck.Dashboard.Tests.Support;

/// <summary>A trust store that trusts nothing until told to, and remembers what it was told.</summary>
internal sealed class RecordingTrustStore : ITrustStore
{
    public List<string> TrustedProjectNames { get; } = [];

    public RunFailure? Check(Project project, ResolvedProvider provider) =>
        TrustedProjectNames.Contains(project.Name) ? null : new RunFailure(FailureKind.Untrusted, $"Project '{project.Name}' is not trusted.");

    public TrustReview Review(Project project, ResolvedProvider provider) =>
        new(project, provider, TrustedProjectNames.Contains(project.Name), ["#!/bin/sh", "echo '{\"tasks\": []}'"], null);

    public void Trust(Project project, ResolvedProvider provider) => TrustedProjectNames.Add(project.Name);

    public void Trust(TrustReview review) => TrustedProjectNames.Add(review.Project.Name);

    public bool Untrust(string projectDirPath) =>
        TrustedProjectNames.RemoveAll(name => Path.GetFileName(projectDirPath) == name) > 0;

    public IReadOnlyList<TrustRecord> Records() => [];
}
