using System.Globalization;

namespace Search.Core.Schema;

/// <summary>Parses the ISO 8601 forms that occur in news feeds: date-only, with <c>Z</c>, and with an offset.</summary>
public static class PublicationDate
{
    private static readonly string[] DateOnlyFormats = ["yyyy-MM-dd"];

    /// <summary>Parses <paramref name="text"/>; a date without a time is midnight UTC; a time without a zone is UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, DateOnlyFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            value = new DateTimeOffset(day, TimeSpan.Zero);
            return true;
        }

        // Only ISO-shaped input: "2018-02-26T02:20:10Z", "...+04:00", "2018-02-26T02:20:10".
        if (trimmed.Length < 16 || trimmed[4] != '-' || trimmed[7] != '-' || (trimmed[10] != 'T' && trimmed[10] != ' '))
        {
            return false;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }
}
