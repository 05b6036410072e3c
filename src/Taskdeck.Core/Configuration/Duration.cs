using System.Globalization;

namespace Taskdeck.Core.Configuration;

/// <summary>
/// Parses durations the way navi's Go code did (<c>500ms</c>, <c>30s</c>, <c>1m30s</c>,
/// <c>1.5h</c>), so navi's project files keep their meaning.
/// </summary>
public static class Duration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var rest = text.Trim().AsSpan();
        if (rest.IsEmpty)
        {
            return false;
        }

        double totalMs = 0;
        while (!rest.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }

            var unitLength = 0;
            while (numberLength + unitLength < rest.Length && char.IsAsciiLetter(rest[numberLength + unitLength]))
            {
                unitLength++;
            }

            if (numberLength == 0 || unitLength == 0
                || !double.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            double? unitMs = rest.Slice(numberLength, unitLength) switch
            {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => null,
            };
            if (unitMs is null)
            {
                return false;
            }

            totalMs += number * unitMs.Value;
            rest = rest[(numberLength + unitLength)..];
        }

        value = TimeSpan.FromMilliseconds(totalMs);
        return true;
    }

    /// <summary>Writes a duration back in the short form users type.</summary>
    public static string Format(TimeSpan value) => value switch
    {
        { TotalMilliseconds: < 1_000 } => $"{value.TotalMilliseconds:0}ms",
        { TotalSeconds: < 60 } when value.Milliseconds == 0 => $"{value.TotalSeconds:0}s",
        { TotalSeconds: < 60 } => $"{value.TotalSeconds:0.#}s",
        { TotalMinutes: < 60 } when value.Seconds == 0 => $"{value.TotalMinutes:0}m",
        { TotalHours: < 24 } when value.Minutes == 0 && value.Seconds == 0 => $"{value.TotalHours:0}h",
        _ => $"{(int)value.TotalMinutes}m{value.Seconds}s",
    };
}
