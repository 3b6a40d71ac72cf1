using System.Globalization;

namespace Search.Api;

/// <summary>Search-box defaults read from configuration (#4).</summary>
/// <param name="RecencyHalfLifeDays">Default recency half-life for relevance ranking, or null for no recency boost (the default).</param>
public sealed record SearchBoxSettings(double? RecencyHalfLifeDays)
{
    /// <summary>Configuration key of the default recency half-life in days (environment <c>Search__Recency__HalfLifeDays</c>); unset or 0 = off.</summary>
    public const string RecencyHalfLifeKey = "Search:Recency:HalfLifeDays";

    /// <summary>Reads the settings; a value that is not a non-negative number stops the start-up with a clear message.</summary>
    public static SearchBoxSettings From(IConfiguration configuration)
    {
        var text = configuration[RecencyHalfLifeKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchBoxSettings((double?)null);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) || days < 0
            || days > Querying.SearchLimits.MaxRecencyHalfLifeDays)
        {
            throw new InvalidOperationException(
                $"{RecencyHalfLifeKey} must be a half-life in days between 0 (off) and {Querying.SearchLimits.MaxRecencyHalfLifeDays}, not '{text}'.");
        }

        return new SearchBoxSettings(days == 0 ? null : days);
    }
}
