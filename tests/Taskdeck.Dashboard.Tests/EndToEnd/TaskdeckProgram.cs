namespace Taskdeck.Dashboard.Tests.EndToEnd;

/// <summary>Where the build put the <c>taskdeck</c> program (this test project builds it first).</summary>
internal static class TaskdeckProgram
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        // The test runs from tests/Taskdeck.Dashboard.Tests/bin/<configuration>/net10.0/.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var repositoryRoot = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = System.IO.Path.Combine(repositoryRoot, "src", "Taskdeck.Cli", "bin", configuration, "net10.0", "taskdeck");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"taskdeck was not built at '{path}'; build the solution first.");
    }
}
