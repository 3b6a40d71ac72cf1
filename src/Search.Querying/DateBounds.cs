using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Parses the <c>from</c> and <c>to</c> bounds of a date filter (<c>yyyy-MM-dd</c> or ISO 8601).</summary>
public static class DateBounds
{
    /// <summary>A lower bound: a date-only value means the start of that day (UTC).</summary>
    public static bool TryParseFrom(string? text, out DateTimeOffset value) => PublicationDate.TryParse(text, out value);

    /// <summary>An upper bound: a date-only value means the end of that day (UTC), so <c>to=2024-03-12</c> keeps the whole day.</summary>
    public static bool TryParseTo(string? text, out DateTimeOffset value)
    {
        if (!PublicationDate.TryParse(text, out value))
        {
            return false;
        }

        // The last day of the calendar has no next day to step back from: its end is DateTimeOffset.MaxValue.
        if (text!.Trim().Length == "yyyy-MM-dd".Length)
        {
            value = value.UtcDateTime.Date == DateTime.MaxValue.Date
                ? DateTimeOffset.MaxValue
                : value.AddDays(1).AddMilliseconds(-1);
        }

        return true;
    }
}
