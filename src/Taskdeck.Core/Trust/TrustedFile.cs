using System.Security.Cryptography;
using System.Text;

namespace Taskdeck.Core.Trust;

/// <summary>
/// One file as it was when looked at: its real path, its SHA-256, and its text when it is text
/// small enough to keep, so a later change can be shown as a diff.
/// </summary>
/// <param name="Sha256">Lower-case hex; null when the file could not be read.</param>
/// <param name="Text">The content; null for binary files, files over the size limit and unreadable ones.</param>
public sealed record TrustedFile(string Path, string? Sha256, string? Text, long Length = 0)
{
    /// <summary>Files larger than this are hashed but not kept.</summary>
    public const int MaxKeptBytes = 256 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the file could be read; a file that cannot is never trusted.</summary>
    public bool IsReadable => Sha256 is not null;

    /// <summary>Reads a file through its links: the path kept is the real one.</summary>
    public static TrustedFile Read(string path)
    {
        var realPath = Platform.FileSystemPaths.RealPath(path) ?? System.IO.Path.GetFullPath(path);
        try
        {
            using var stream = new FileStream(realPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.CanSeek && stream.Length <= MaxKeptBytes)
            {
                var bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                return new TrustedFile(realPath, Convert.ToHexStringLower(SHA256.HashData(bytes)), TextOf(bytes), bytes.Length);
            }

            var hash = SHA256.HashData(stream);
            return new TrustedFile(realPath, Convert.ToHexStringLower(hash), null, stream.CanSeek ? stream.Length : 0);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new TrustedFile(realPath, null, null);
        }
    }

    /// <summary>Whether both name the same file with the same content.</summary>
    public bool IsSameAs(TrustedFile? other) =>
        other is not null && other.Path == Path && other.Sha256 == Sha256 && Sha256 is not null;

    private static string? TextOf(byte[] bytes)
    {
        if (bytes.AsSpan().Contains((byte)0))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
