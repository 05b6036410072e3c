using System.Diagnostics;
using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Dashboard.Tests.EndToEnd;

public sealed class NotATerminalTests
{
    [Fact(Timeout = 30_000)]
    public async Task Taskdeck_WithOutputPiped_PrintsTheTableInsteadOfOpeningTheDashboard()
    {
        // Arrange
        using var workspace = new TempWorkspace();
        workspace.WriteFile("xdg-config/taskdeck/providers/one-task",
            "#!/bin/sh\necho '{\"tasks\": [{\"id\": \"T-1\", \"title\": \"Piped task\", \"status\": \"todo\"}]}'\n", isExecutable: true);
        var project = workspace.AddProject("piped", "tasks:\n  provider: one-task\n");
        var startInfo = new ProcessStartInfo(TaskdeckProgram.Path, [project])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in workspace.XdgEnvironment)
        {
            startInfo.Environment[name] = value;
        }

        // Act
        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        // Assert
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Piped task", output);
        Assert.DoesNotContain("\u001b[?1049h", output);
    }
}
