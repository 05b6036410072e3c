using System.Text.Json;
using Json.Schema;

namespace Taskdeck.Cli.Tests.Support;

/// <summary>docs/list-json.schema.json, and what it finds wrong in a <c>list --json</c> document.</summary>
public static class ListJsonSchema
{
    public static string FilePath { get; } = Path.Combine(TaskdeckProcess.RepositoryRootPath, "docs", "list-json.schema.json");

    // Built once: every test evaluates against the same schema.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(FilePath)));

    /// <summary>Each failed check as "instance location: keyword: message"; empty when the document is valid.</summary>
    public static IReadOnlyList<string> ProblemsIn(string json)
    {
        using var document = JsonDocument.Parse(json);

        // The hierarchical form keeps each check under the one that asked for it, so the failed
        // branches of a passing oneOf, or an 'if' that did not apply, can be left out.
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var problems = new List<string>();
        Collect(results, problems);
        return problems.Count > 0 || results.IsValid ? problems : ["(the document is invalid, but the schema gave no message)"];
    }

    /// <summary>Fails the test with every problem when <paramref name="json"/> breaks the schema.</summary>
    public static void AssertValid(string json)
    {
        var problems = ProblemsIn(json);
        Assert.True(problems.Count == 0, $"The list --json output breaks {FilePath}:\n{string.Join('\n', problems)}\n--- document\n{json}");
    }

    private static void Collect(EvaluationResults node, List<string> problems)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            problems.Add($"{node.InstanceLocation}: {keyword}: {message}");
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, problems);
        }
    }
}
