namespace Taskdeck.Core.Tests.Support;

/// <summary>
/// The <c>taskdeck</c> program that whole-process tests start: the one the solution build put
/// beside the tests, or the one named by <see cref="OverrideVariable"/>, so that CI can run the same
/// tests against the native build.
/// </summary>
public static class BuiltTaskdeck
{
    public const string OverrideVariable = "TASKDECK_TEST_BINARY";

    public static string Path { get; } = Locate();

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } overridePath)
        {
            return File.Exists(overridePath)
                ? System.IO.Path.GetFullPath(overridePath)
                : throw new FileNotFoundException($"{OverrideVariable} names '{overridePath}', which does not exist.");
        }

        // The tests run from tests/<project>/bin/<configuration>/net10.0/.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var repositoryRoot = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = System.IO.Path.Combine(repositoryRoot, "src", "Taskdeck.Cli", "bin", configuration, "net10.0", "taskdeck");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"taskdeck was not built at '{path}'; build the solution first.");
    }
}
