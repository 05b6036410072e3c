using System.Text.Json;
using System.Text.Json.Nodes;
using Taskdeck.Cli.Tests.Support;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Cli.Tests.Output;

/// <summary>
/// docs/list-json.schema.json describes what the built <c>taskdeck list --json</c> really prints,
/// in every project state, and is strict enough to reject a document that drifted from it.
/// </summary>
public sealed class ListJsonSchemaTests : IDisposable
{
    // Every optional field of the contract set, then a group and a task with none of them.
    private const string FullOutput = """
        {
          "groups": [
            { "id": "PBI-7", "title": "Checkout", "status": "InProgress", "url": "https://example.com/pbi/7",
              "is_current": true, "file": "docs/7/prd.md",
              "tasks": [
                { "id": "7-1", "title": "Cache totals", "status": "Done", "assignee": "ana", "labels": ["core", "perf"],
                  "priority": 2, "url": "https://example.com/7-1", "created": "2026-02-18T08:00:46Z",
                  "updated": "2026-02-19T10:00:00.250+02:00", "file": "docs/7/7-1.md" },
                { "id": 71, "title": "Numeric id", "status": "review" } ] },
            { "id": "PBI-8", "title": "Gift cards",
              "tasks": [
                { "id": "8-1", "title": "Nulls and empty dates", "status": "wontfix", "assignee": null, "labels": null,
                  "priority": null, "url": null, "created": "", "updated": null, "file": "" } ] },
            { "id": "PBI-9", "title": "Empty group", "tasks": [] }
          ],
          "current_pbi_id": "PBI-7",
          "current_pbi_title": "Checkout"
        }
        """;

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private Task<TaskdeckRun> TaskdeckAsync(params string[] arguments) => TaskdeckProcess.RunAsync(_workspace, arguments);

    [Fact(Timeout = 60_000)]
    public async Task ListJson_OkProjectsWithEveryOptionalFieldSetAndUnset_MatchTheSchema()
    {
        // Arrange
        var full = AddPrintingProject("full", FullOutput);
        var flat = AddPrintingProject("flat", """{"tasks": [{"id": "N-1", "title": "Flat", "status": "todo"}]}""");
        var empty = AddPrintingProject("empty", "{}");
        var backlog = Path.Combine(TaskdeckProcess.RepositoryRootPath, "examples", "backlog");
        await TaskdeckAsync("trust", "--yes", full, flat, empty);

        // Act
        var result = await TaskdeckAsync("list", "--json", full, flat, empty, backlog);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        ListJsonSchema.AssertValid(result.Stdout);
        using var document = JsonDocument.Parse(result.Stdout);
        var projects = document.RootElement.GetProperty("projects");
        Assert.All(projects.EnumerateArray(), project => Assert.Equal("ok", project.GetProperty("state").GetString()));
        var groups = projects[0].GetProperty("groups");
        Assert.DoesNotContain(groups[0].EnumerateObject(), property => property.Value.ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain(groups[0].GetProperty("tasks")[0].EnumerateObject(), property => property.Value.ValueKind == JsonValueKind.Null);
        Assert.Equal(
            ["status", "url", "file"],
            groups[1].EnumerateObject().Where(property => property.Value.ValueKind == JsonValueKind.Null).Select(property => property.Name));
        Assert.Equal(
            ["assignee", "labels", "priority", "url", "created", "updated", "file"],
            groups[1].GetProperty("tasks")[0].EnumerateObject().Where(property => property.Value.ValueKind == JsonValueKind.Null).Select(property => property.Name));
        Assert.Empty(projects[2].GetProperty("groups").EnumerateArray());
        Assert.NotEmpty(projects[3].GetProperty("groups").EnumerateArray());
    }

    [Fact(Timeout = 60_000)]
    public async Task ListJson_FailingBrokenAndUntrustedProjects_MatchTheSchema()
    {
        // Arrange
        var exiting = _workspace.AddProject("exiting", "tasks:\n  provider: ./fails.sh\n");
        _workspace.WriteFile("exiting/fails.sh", "#!/bin/sh\necho 'tracker unreachable' >&2\nexit 3\n", isExecutable: true);
        var invalid = AddPrintingProject("invalid", """{"tasks": [{"id": "1", "title": "No status"}]}""");
        var broken = _workspace.AddProject("broken", "tasks:\n  provider: ./x.sh\n  colour: red\n");
        var missing = _workspace.AddProject("missing", "tasks:\n  provider: ./nope.sh\n");
        var neverTrusted = AddPrintingProject("never-trusted", """{"tasks": []}""");
        var changedScript = _workspace.AddScriptProject("changed-script", """{"tasks": [{"id": "C-1", "title": "Kept", "status": "todo"}]}""");
        var changed = Path.GetDirectoryName(changedScript)!;
        await TaskdeckAsync("trust", "--yes", exiting, invalid, changed);
        await TaskdeckAsync("list", changed);
        File.AppendAllText(changedScript, "# edited after it was trusted\n");

        // Act
        var result = await TaskdeckAsync("list", "--json", exiting, invalid, broken, missing, neverTrusted, changed);

        // Assert
        Assert.True(result.ExitCode == 1, result.ToString());
        ListJsonSchema.AssertValid(result.Stdout);
        Assert.Equal(
            [
                ("error", "exit", true), ("error", "invalid", false), ("error", "config", false),
                ("error", "not-found", false), ("untrusted", "untrusted", false), ("untrusted", "untrusted", false),
            ],
            Projects(result.Stdout).Select(project => (
                project.GetProperty("state").GetString(),
                project.GetProperty("error").GetProperty("kind").GetString(),
                project.GetProperty("error").GetProperty("stderr").ValueKind == JsonValueKind.String)));
        var projects = Projects(result.Stdout);
        Assert.Equal(JsonValueKind.Null, projects[2].GetProperty("provider").ValueKind);
        Assert.Equal("C-1", projects[5].GetProperty("groups")[0].GetProperty("tasks")[0].GetProperty("id").GetString());
    }

    [Fact(Timeout = 90_000)]
    public async Task ListJson_StaleResultsAndChanges_MatchTheSchema()
    {
        // Arrange
        var script = _workspace.AddScriptProject("moving", """
            {"tasks": [{"id": "M-1", "title": "Stays", "status": "todo"}, {"id": "M-2", "title": "Goes", "status": "todo"}]}
            """);
        var moving = Path.GetDirectoryName(script)!;
        var aging = _workspace.AddProject("aging", "tasks:\n  provider: ./tasks.sh\n  interval: 1ms\n");
        _workspace.WriteFile("aging/tasks.sh", "#!/bin/sh\necho '{\"tasks\": [{\"id\": \"A-1\", \"title\": \"Old news\", \"status\": \"doing\"}]}'\n", isExecutable: true);
        var unseen = AddPrintingProject("unseen", """{"tasks": []}""");
        await TaskdeckAsync("trust", "--yes", moving, aging, unseen);
        await TaskdeckAsync("list", moving, aging);
        _workspace.WriteFile("moving/tasks.json", """
            {"tasks": [{"id": "M-1", "title": "Stays", "status": "done"}, {"id": "M-3", "title": "Arrives", "status": "todo"}]}
            """);

        // Act
        var changedRun = await TaskdeckAsync("list", "--json", "--no-cache", moving);
        var changedOnly = await TaskdeckAsync("list", "--json", "--changed", "--cached", moving);
        _workspace.WriteFile("moving/tasks.json", "not JSON at all");
        var failedRun = await TaskdeckAsync("list", "--json", "--no-cache", moving);
        var cachedOnly = await TaskdeckAsync("list", "--json", "--cached", aging, unseen);

        // Assert
        foreach (var run in new[] { changedRun, changedOnly, failedRun, cachedOnly })
        {
            ListJsonSchema.AssertValid(run.Stdout);
        }

        var changes = Projects(changedRun.Stdout)[0].GetProperty("changes");
        Assert.Equal(["M-3"], Ids(changes, "added"));
        Assert.Equal(["M-2"], Ids(changes, "removed"));
        Assert.Equal(["M-1"], Ids(changes, "statusChanged"));
        Assert.Equal(2, Projects(changedOnly.Stdout)[0].GetProperty("groups")[0].GetProperty("tasks").GetArrayLength());

        var failed = Projects(failedRun.Stdout)[0];
        Assert.Equal(("stale", "parse"), (failed.GetProperty("state").GetString(), failed.GetProperty("error").GetProperty("kind").GetString()));
        Assert.Equal(["M-3"], Ids(failed.GetProperty("changes"), "added"));

        var cached = Projects(cachedOnly.Stdout);
        Assert.Equal(
            [("stale", true, JsonValueKind.String, JsonValueKind.Null), ("stale", true, JsonValueKind.Null, JsonValueKind.Null)],
            cached.Select(project => (
                project.GetProperty("state").GetString(),
                project.GetProperty("fromCache").GetBoolean(),
                project.GetProperty("fetchedAt").ValueKind,
                project.GetProperty("error").ValueKind)));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("an unknown project key", "/projects/0/colour")]
    [InlineData("an unknown task key", "/projects/0/groups/0/tasks/0/estimate")]
    [InlineData("a wrong state", "/projects/0/state")]
    [InlineData("a wrong failure kind", "/projects/1/error/kind")]
    [InlineData("a wrong category", "/projects/0/groups/0/tasks/0/category")]
    [InlineData("a null left out", "/projects/0/groups/0/tasks/0")]
    [InlineData("another version", "/version")]
    public async Task Schema_RealOutputWithOneDrift_IsRejectedAtThatPlace(string drift, string instanceLocation)
    {
        // Arrange
        var good = AddPrintingProject("good", """{"tasks": [{"id": "G-1", "title": "Fine", "status": "todo"}]}""");
        var bad = _workspace.AddProject("bad", "tasks:\n  provider: ./nope.sh\n");
        await TaskdeckAsync("trust", "--yes", good);
        var result = await TaskdeckAsync("list", "--json", good, bad);
        ListJsonSchema.AssertValid(result.Stdout);

        var root = JsonNode.Parse(result.Stdout)!.AsObject();
        var project = root["projects"]![0]!.AsObject();
        var task = project["groups"]![0]!["tasks"]![0]!.AsObject();
        switch (drift)
        {
            case "an unknown project key": project.Add("colour", "red"); break;
            case "an unknown task key": task.Add("estimate", 3); break;
            case "a wrong state": project["state"] = "fresh"; break;
            case "a wrong failure kind": root["projects"]![1]!["error"]!["kind"] = "crashed"; break;
            case "a wrong category": task["category"] = "someday"; break;
            case "a null left out": task.Remove("assignee"); break;
            case "another version": root["version"] = 2; break;
        }

        // Act
        var problems = ListJsonSchema.ProblemsIn(root.ToJsonString());

        // Assert
        Assert.Contains(problems, problem => problem.StartsWith($"{instanceLocation}: ", StringComparison.Ordinal));
    }

    /// <summary>A trusted-to-be project whose script prints <paramref name="output"/> as it is.</summary>
    private string AddPrintingProject(string name, string output)
    {
        _workspace.WriteFile($"{name}/output.json", output);
        _workspace.WriteFile($"{name}/tasks.sh", "#!/bin/sh\ncat output.json\n", isExecutable: true);
        return _workspace.AddProject(name, "tasks:\n  provider: ./tasks.sh\n");
    }

    private static List<JsonElement> Projects(string listJson)
    {
        using var document = JsonDocument.Parse(listJson);
        return document.RootElement.GetProperty("projects").EnumerateArray().Select(project => project.Clone()).ToList();
    }

    private static List<string?> Ids(JsonElement changes, string name) =>
        changes.GetProperty(name).EnumerateArray().Select(id => id.GetString()).ToList();
}
