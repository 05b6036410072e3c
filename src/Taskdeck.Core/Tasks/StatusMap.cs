using System.Collections.Immutable;

namespace Taskdeck.Core.Tasks;

/// <summary>Renames provider statuses; keys match ignoring case.</summary>
public sealed class StatusMap
{
    private readonly ImmutableDictionary<string, string> _targetByStatus;

    private StatusMap(ImmutableDictionary<string, string> targetByStatus) =>
        _targetByStatus = targetByStatus;

    public static StatusMap Empty { get; } =
        new(ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, string> Entries => _targetByStatus;

    public static StatusMap From(IEnumerable<KeyValuePair<string, string>> entries) =>
        new(Empty._targetByStatus.SetItems(entries));

    /// <summary>This map's entries laid over <paramref name="fallback"/>'s.</summary>
    public StatusMap Over(StatusMap fallback) =>
        new(fallback._targetByStatus.SetItems(_targetByStatus));

    public string Apply(string status) =>
        _targetByStatus.TryGetValue(status, out var mapped) ? mapped : status;
}
