using System.Collections.Immutable;
using System.Text;

namespace Taskdeck.Core.Providers;

/// <summary>The environment a provider script sees, per the provider contract.</summary>
public static class ProviderEnvironment
{
    public static ImmutableDictionary<string, string> For(ProviderRequest request)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        builder["TASKDECK_PROJECT_DIR"] = request.ProjectDirPath;
        builder["TASKDECK_PROJECT_NAME"] = request.ProjectName;

        // Tools that would otherwise wait for a password on a terminal the provider does not have.
        builder["GIT_TERMINAL_PROMPT"] = "0";
        builder["GH_PROMPT_DISABLED"] = "1";

        foreach (var (key, value) in request.Args)
        {
            var name = VariableSuffix(key);
            builder[$"TASKDECK_ARG_{name}"] = value;
            builder[$"NAVI_TASK_ARG_{name}"] = value;
        }

        return builder.ToImmutable();
    }

    /// <summary>The key upper-cased, with anything but A–Z, 0–9 and '_' turned into '_'.</summary>
    public static string VariableSuffix(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key.ToUpperInvariant())
        {
            builder.Append(c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        return builder.ToString();
    }
}
