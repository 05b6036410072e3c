using System.ComponentModel;
using System.Diagnostics;

namespace Taskdeck.Dashboard.Live;

/// <summary>
/// Opens links with <c>xdg-open</c> (or <c>open</c> on macOS). The link is passed as one argument
/// and no shell is involved, so nothing in it is ever interpreted as a command.
/// </summary>
public sealed class SystemUrlOpener : IUrlOpener
{
    public void Open(Uri url)
    {
        var program = OperatingSystem.IsMacOS() ? "open" : "xdg-open";
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,

            // Whatever the opener prints would land in the middle of the dashboard.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(url.AbsoluteUri);

        try
        {
            var process = Process.Start(startInfo)
                ?? throw new InvalidOperationException($"'{program}' did not start.");
            process.StandardInput.Close();
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) => process.Dispose();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Could not start '{program}' to open the link ({exception.Message}); is it installed?", exception);
        }
    }
}
