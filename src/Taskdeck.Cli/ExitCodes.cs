namespace Taskdeck.Cli;

/// <summary>What <c>taskdeck</c> tells the shell.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>At least one project failed or is untrusted; the output is still complete.</summary>
    public const int ProjectFailed = 1;

    /// <summary>Bad usage or a broken global file.</summary>
    public const int Usage = 2;

    public const int Interrupted = 130;
}
