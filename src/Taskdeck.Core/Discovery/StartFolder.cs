namespace Taskdeck.Core.Discovery;

/// <summary>
/// A folder to start looking from, and whether the global default provider may adopt it when no
/// project file is found above it (true only for folders listed in the global <c>projects</c>).
/// </summary>
public sealed record StartFolder(string Path, bool MayUseDefaultProvider = false);
