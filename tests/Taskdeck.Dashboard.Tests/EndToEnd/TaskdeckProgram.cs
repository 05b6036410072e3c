using Taskdeck.Core.Tests.Support;

namespace Taskdeck.Dashboard.Tests.EndToEnd;

/// <summary>The <c>taskdeck</c> program the end-to-end tests start (this test project builds it first).</summary>
internal static class TaskdeckProgram
{
    public static string Path => BuiltTaskdeck.Path;
}
