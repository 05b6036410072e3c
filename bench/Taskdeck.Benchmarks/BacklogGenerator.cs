using System.Globalization;
using System.Text;

namespace Taskdeck.Benchmarks;

/// <summary>
/// Writes a markdown backlog in navi's layout: docs/delivery/backlog.md, and per item a folder
/// with prd.md, tasks.md and one file per task, with statuses spread over every category.
/// </summary>
public static class BacklogGenerator
{
    private static readonly string[] ItemStatuses = ["Done", "Done", "InProgress", "Agreed", "Proposed", "Blocked"];

    private static readonly string[] TaskStatuses = ["Done", "InProgress", "Review", "Proposed", "Blocked", "Agreed"];

    /// <summary>Creates a project folder holding a backlog of <paramref name="itemCount"/> items.</summary>
    public static void Write(string projectDirPath, int itemCount, int tasksPerItem)
    {
        var deliveryDirPath = Path.Combine(projectDirPath, "docs", "delivery");
        Directory.CreateDirectory(deliveryDirPath);
        File.WriteAllText(Path.Combine(projectDirPath, ".taskdeck.yaml"), "tasks:\n  provider: markdown-tasks\n");

        var backlog = new StringBuilder()
            .AppendLine("# Product Backlog")
            .AppendLine()
            .AppendLine("Items in priority order; each has a folder named after its ID.")
            .AppendLine()
            .AppendLine("| ID | Actor | User Story | Status | Conditions of Satisfaction (CoS) |")
            .AppendLine("|----|-------|------------|--------|----------------------------------|");
        for (var item = 1; item <= itemCount; item++)
        {
            var id = item.ToString(CultureInfo.InvariantCulture);
            var status = ItemStatuses[item % ItemStatuses.Length];
            var idCell = item % 10 == 0 ? $"[{id}](./{id}/prd.md)" : id;
            backlog.AppendLine(CultureInfo.InvariantCulture,
                $"| {idCell} | Developer | As a developer, I want feature {id} so that the product grows | {status} | Feature {id} works; `tests` pass |");
            WriteItem(Path.Combine(deliveryDirPath, id), id, tasksPerItem);
        }

        File.WriteAllText(Path.Combine(deliveryDirPath, "backlog.md"), backlog.ToString());
    }

    private static void WriteItem(string itemDirPath, string id, int taskCount)
    {
        Directory.CreateDirectory(itemDirPath);
        File.WriteAllText(Path.Combine(itemDirPath, "prd.md"),
            $"# PBI-{id}: Feature {id}\n\n## Overview\n\nWhat feature {id} does and why.\n\n## Acceptance Criteria\n\n- It works.\n- It is tested.\n");

        var tasks = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Tasks for PBI {id}: Feature {id}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**Parent PBI**: [PBI {id}: Feature {id}](./prd.md)")
            .AppendLine()
            .AppendLine("## Task Summary")
            .AppendLine()
            .AppendLine("| Task ID | Name | Status | Description |")
            .AppendLine("| :------ | :--- | :----- | :---------- |");
        for (var task = 1; task <= taskCount; task++)
        {
            var taskId = $"{id}-{task}";
            var status = TaskStatuses[(int.Parse(id, CultureInfo.InvariantCulture) + task) % TaskStatuses.Length];
            tasks.AppendLine(CultureInfo.InvariantCulture, $"| {taskId} | [Step {task} of feature {id}](./{taskId}.md) | {status} | Part {task} |");
            File.WriteAllText(Path.Combine(itemDirPath, $"{taskId}.md"), $"# {taskId} Step {task}\n\n## Description\n\nStep {task}.\n");
        }

        File.WriteAllText(Path.Combine(itemDirPath, "tasks.md"), tasks.ToString());
    }
}
