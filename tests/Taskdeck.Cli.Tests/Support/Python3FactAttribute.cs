using Taskdeck.Core.Platform;

namespace Taskdeck.Cli.Tests.Support;

/// <summary>A fact that needs <c>python3</c> on PATH; without it the test is skipped and says why.</summary>
public sealed class Python3FactAttribute : FactAttribute
{
    public Python3FactAttribute()
    {
        if (ExecutableSearch.Find("python3", Environment.GetEnvironmentVariable("PATH")) is null)
        {
            Skip = "python3 is not on PATH, so the Python provider example cannot run here.";
        }
    }
}
