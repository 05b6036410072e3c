namespace Taskdeck.Dashboard.Live;

/// <summary>Hands a link to the desktop's browser.</summary>
public interface IUrlOpener
{
    /// <summary>Opens an http or https link; throws when no opener program could be started.</summary>
    void Open(Uri url);
}
