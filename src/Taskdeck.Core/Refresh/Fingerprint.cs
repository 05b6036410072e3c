using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Taskdeck.Core.Discovery;
using Taskdeck.Core.Providers;

namespace Taskdeck.Core.Refresh;

/// <summary>
/// A hash of everything that decides a project's output, so a cached result is used only while
/// the provider, its arguments and its script are what they were.
/// </summary>
public static class Fingerprint
{
    /// <summary>Bumped whenever the meaning of a provider's output changes.</summary>
    public const int ContractVersion = 1;

    public static string Of(Project project, ResolvedProvider provider)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        Add($"contract:{ContractVersion}");
        Add($"provider:{project.ProviderName}");
        Add($"kind:{provider.Kind}");
        Add($"resolved:{provider.BuiltIn?.Name ?? provider.ExecutablePath}");
        foreach (var (key, value) in project.Settings?.Args ?? ImmutableSortedDictionary<string, string>.Empty)
        {
            Add($"arg:{key}={value}");
        }

        if (provider.ExecutablePath is { } path)
        {
            try
            {
                using var stream = File.OpenRead(path);
                hash.AppendData(SHA256.HashData(stream));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // An unreadable script will fail when run; the fingerprint just has to differ.
                Add("unreadable");
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
