using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Core.Tests.Providers.BuiltIn.GitHubIssues;

/// <summary>
/// A stand-in for the GitHub CLI: a shell script named <c>gh</c> in its own folder that refuses
/// arguments other than the expected ones, records what it got and where it ran, and answers
/// with recorded output, error text and exit code.
/// </summary>
public sealed class FakeGh
{
    private const string Script = """
        #!/bin/sh
        dir=$(dirname "$0")
        printf '%s\n' "$@" > "$dir/received-args"
        pwd > "$dir/received-dir"
        if [ -f "$dir/expected-args" ] && [ "$(printf '%s\n' "$@")" != "$(cat "$dir/expected-args")" ]; then
          echo "fake gh: unexpected arguments: $*" >&2
          exit 97
        fi
        [ -f "$dir/stdout" ] && cat "$dir/stdout"
        [ -f "$dir/stderr" ] && cat "$dir/stderr" >&2
        exit "$(cat "$dir/exit-code")"
        """;

    private readonly TempWorkspace _workspace;

    public FakeGh(TempWorkspace workspace)
    {
        _workspace = workspace;
        _workspace.WriteFile("fake-gh/gh", Script.ReplaceLineEndings("\n") + "\n", isExecutable: true);
        Respond(stdout: "[]");
    }

    /// <summary>The PATH the provider is given: the fake first, then the system tools it uses.</summary>
    public string SearchPath => $"{_workspace.PathOf("fake-gh")}:/usr/bin:/bin";

    /// <summary>The arguments of the last run, or null when gh never ran.</summary>
    public IReadOnlyList<string>? ReceivedArguments =>
        File.Exists(PathOf("received-args")) ? File.ReadAllLines(PathOf("received-args")) : null;

    public string? ReceivedDirPath =>
        File.Exists(PathOf("received-dir")) ? File.ReadAllText(PathOf("received-dir")).TrimEnd('\n') : null;

    public void Expect(params string[] arguments) =>
        File.WriteAllText(PathOf("expected-args"), string.Join('\n', arguments) + "\n");

    public void Respond(string stdout = "", string stderr = "", int exitCode = 0)
    {
        File.WriteAllText(PathOf("stdout"), stdout);
        File.WriteAllText(PathOf("stderr"), stderr);
        File.WriteAllText(PathOf("exit-code"), exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private string PathOf(string name) => _workspace.PathOf(Path.Combine("fake-gh", name));
}
