using Taskdeck.Core.Text;

namespace Taskdeck.Dashboard.Live;

/// <summary>Which links the dashboard agrees to open: absolute http and https ones only.</summary>
public static class LinkPolicy
{
    /// <summary>The link to open, or null and the sentence saying why not.</summary>
    public static (Uri? Url, string? Refusal) Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, "This row has no link to open.");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, $"Not opening '{TerminalText.SingleLine(url)}': only http and https links are opened.");
        }

        return (uri, null);
    }
}
