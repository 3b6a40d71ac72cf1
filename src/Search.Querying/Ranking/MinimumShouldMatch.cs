using System.Globalization;

namespace Search.Querying.Ranking;

/// <summary>The minimum-should-match syntax: a count ("2"), words allowed missing ("-1"), or a percentage ("60%", "-25%").</summary>
public static class MinimumShouldMatch
{
    /// <summary>True when <paramref name="spec"/> is valid (null and empty are: one word suffices).</summary>
    public static bool TryParse(string? spec, out Func<int, int> required)
    {
        required = _ => 1;
        if (string.IsNullOrWhiteSpace(spec))
        {
            return true;
        }

        var text = spec.Trim();
        var percent = text.EndsWith('%');
        if (!int.TryParse(percent ? text[..^1] : text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        required = words =>
        {
            var count = percent
                ? (value >= 0 ? words * value / 100 : words - (words * -value / 100))
                : (value >= 0 ? value : words + value);
            return Math.Clamp(count, 1, Math.Max(words, 1));
        };
        return true;
    }

    /// <summary>The number of words (of <paramref name="words"/>) a document must match under <paramref name="spec"/>.</summary>
    public static int Required(string? spec, int words) => TryParse(spec, out var required) ? required(words) : 1;
}
