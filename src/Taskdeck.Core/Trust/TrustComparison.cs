using System.Text;
using Taskdeck.Core.Text;

namespace Taskdeck.Core.Trust;

/// <summary>Says what changed between what the user trusted and what a project would run now.</summary>
public static class TrustComparison
{
    /// <summary>Short phrases naming each change, for one-line messages ("its script '…'").</summary>
    public static IReadOnlyList<string> Summarize(TrustSnapshot trusted, TrustSnapshot current)
    {
        var changes = new List<string>();
        if (trusted.ProjectFile is null != current.ProjectFile is null
            || (trusted.ProjectFile is { } trustedFile && !trustedFile.IsSameAs(current.ProjectFile)))
        {
            changes.Add($"its project file '{current.ProjectFile?.Path ?? trusted.ProjectFile!.Path}'");
        }
        else if (current.ProviderName != trusted.ProviderName || !current.HasSameArgs(trusted))
        {
            // Same file, other settings: they came from the global config, or the file changed
            // between reading its settings and hashing it.
            changes.Add("its provider settings");
        }

        if (current.Script.Path != trusted.Script.Path)
        {
            changes.Add($"its script, now '{current.Script.Path}' instead of '{trusted.Script.Path}'");
        }
        else if (!trusted.Script.IsSameAs(current.Script))
        {
            changes.Add($"its script '{current.Script.Path}'");
        }

        return changes;
    }

    /// <summary>
    /// The changes in full: provider and argument changes as lines, file changes as unified diffs.
    /// Empty when nothing changed.
    /// </summary>
    public static string Describe(TrustSnapshot trusted, TrustSnapshot current)
    {
        var builder = new StringBuilder();
        if (current.ProviderName != trusted.ProviderName)
        {
            builder.Append($"provider: '{trusted.ProviderName}' → '{current.ProviderName}'\n");
        }

        foreach (var key in trusted.Args.Keys.Union(current.Args.Keys).Order(StringComparer.Ordinal))
        {
            var before = trusted.Args.GetValueOrDefault(key);
            var after = current.Args.GetValueOrDefault(key);
            if (before != after)
            {
                builder.Append($"args.{key}: {Quote(before)} → {Quote(after)}\n");
            }
        }

        builder.Append(DescribeFile("project file", trusted.ProjectFile, current.ProjectFile));
        builder.Append(DescribeFile("script", trusted.Script, current.Script));
        return builder.ToString();
    }

    private static string DescribeFile(string what, TrustedFile? trusted, TrustedFile? current)
    {
        if (trusted is null && current is null)
        {
            return "";
        }

        if (trusted is not null && trusted.IsSameAs(current))
        {
            return "";
        }

        if (current is null || !current.IsReadable)
        {
            return $"{what} '{current?.Path ?? trusted!.Path}' is gone or cannot be read\n";
        }

        if (trusted is null)
        {
            return $"{what} '{current.Path}' is new\n";
        }

        var heading = trusted.Path == current.Path
            ? $"{what} '{current.Path}' changed:\n"
            : $"{what} is now '{current.Path}' instead of '{trusted.Path}':\n";
        if (trusted.Text is null || current.Text is null)
        {
            return heading + $"  not text, or too large to show (SHA-256 {Short(trusted.Sha256)} → {Short(current.Sha256)}, {trusted.Length} → {current.Length} bytes)\n";
        }

        return heading + LineDiff.Unified(trusted.Text, current.Text, $"{trusted.Path} (trusted)", $"{current.Path} (now)");
    }

    private static string Quote(string? value) => value is null ? "(none)" : $"'{value}'";

    private static string Short(string? sha256) => sha256 is null ? "unreadable" : sha256[..12];
}
