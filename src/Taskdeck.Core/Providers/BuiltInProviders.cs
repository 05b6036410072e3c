using System.Collections.Frozen;

namespace Taskdeck.Core.Providers;

/// <summary>The providers that run inside Taskdeck, by name.</summary>
public sealed class BuiltInProviders
{
    private readonly FrozenDictionary<string, IBuiltInProvider> _providersByName;

    public BuiltInProviders(IEnumerable<IBuiltInProvider> providers) =>
        _providersByName = providers.ToFrozenDictionary(provider => provider.Name, StringComparer.Ordinal);

    public IEnumerable<IBuiltInProvider> All => _providersByName.Values.OrderBy(provider => provider.Name, StringComparer.Ordinal);

    public IBuiltInProvider? Find(string name) => _providersByName.GetValueOrDefault(name);
}
