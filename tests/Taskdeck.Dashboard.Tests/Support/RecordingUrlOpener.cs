using Taskdeck.Dashboard.Live;

namespace Taskdeck.Dashboard.Tests.Support;

/// <summary>Remembers the links it was asked to open instead of starting a browser.</summary>
internal sealed class RecordingUrlOpener : IUrlOpener
{
    public List<Uri> Opened { get; } = [];

    public void Open(Uri url) => Opened.Add(url);
}
