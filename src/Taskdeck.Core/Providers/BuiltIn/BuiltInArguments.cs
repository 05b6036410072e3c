namespace Taskdeck.Core.Providers.BuiltIn;

/// <summary>
/// Reads a built-in provider's <c>args</c>. Keys match the way scripts see them (case, '-' and '_'
/// alike, as in <c>TASKDECK_ARG_STATUS_FILTER</c>), and a key the provider does not know is
/// refused, so a typo never silently changes what is shown.
/// </summary>
internal sealed class BuiltInArguments
{
    private readonly Dictionary<string, string> _valuesBySuffix;

    private BuiltInArguments(Dictionary<string, string> valuesBySuffix) =>
        _valuesBySuffix = valuesBySuffix;

    /// <summary>The arguments, or the <c>config</c> failure naming the first unknown key.</summary>
    public static (BuiltInArguments? Arguments, ProviderOutcome? Failure) Read(
        IBuiltInProvider provider, ProviderRequest request)
    {
        var known = provider.Arguments
            .Select(argument => ProviderEnvironment.VariableSuffix(argument.Name))
            .ToHashSet(StringComparer.Ordinal);
        var valuesBySuffix = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Args)
        {
            var suffix = ProviderEnvironment.VariableSuffix(key);
            if (!known.Contains(suffix))
            {
                var names = string.Join(", ", provider.Arguments.Select(argument => argument.Name));
                return (null, ProviderOutcome.Failed(FailureKind.Config,
                    $"Project '{request.ProjectName}' gives the built-in provider {provider.Name} the argument '{key}', which it does not know; it understands {names}. Fix the key under tasks.args in the project file."));
            }

            valuesBySuffix[suffix] = value;
        }

        return (new BuiltInArguments(valuesBySuffix), null);
    }

    /// <summary>The value given for <paramref name="name"/>, or null when it is absent or blank.</summary>
    public string? Get(string name) =>
        _valuesBySuffix.TryGetValue(ProviderEnvironment.VariableSuffix(name), out var value)
        && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
}
