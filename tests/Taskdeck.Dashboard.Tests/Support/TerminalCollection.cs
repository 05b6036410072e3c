namespace Taskdeck.Dashboard.Tests.Support;

/// <summary>Tests that drive Terminal.Gui share process-wide settings, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TerminalCollection
{
    public const string Name = "Terminal";
}
