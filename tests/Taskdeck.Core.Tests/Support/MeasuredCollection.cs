namespace Taskdeck.Core.Tests.Support;

/// <summary>
/// Tests that measure the whole process (allocated bytes), so they run alone: another test running
/// beside them would count in their numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCollection
{
    public const string Name = "Measured";
}
