namespace Taskdeck.Core.Tests.Support;

/// <summary>Where the test build put the fake provider program (see tests/Taskdeck.FakeProvider).</summary>
public static class FakeProvider
{
    public static string ExecutablePath { get; } = Locate();

    /// <summary>Its name when installed in a workspace's providers folder.</summary>
    public const string UserProviderName = "fake-provider";

    private static string Locate()
    {
        // The fake provider builds into its own bin folder beside this test project's.
        var testBin = AppContext.BaseDirectory;
        var configurationDir = new DirectoryInfo(testBin).Parent!.Name;
        var testsDir = new DirectoryInfo(testBin).Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(testsDir, "Taskdeck.FakeProvider", "bin", configurationDir, "net10.0", "Taskdeck.FakeProvider");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The fake provider was not built at '{path}'; build the solution first.");
    }
}
