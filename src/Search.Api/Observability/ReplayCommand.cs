using System.Globalization;
using System.Text;
using Search.Querying;

namespace Search.Api.Observability;

/// <summary>The <c>news-search search</c> command line that runs a request again, for the slow-query log.</summary>
public static class ReplayCommand
{
    /// <summary>
    /// The command, arguments in POSIX shell single quotes where they are text. Dates are the request's instants (a
    /// <c>to</c> typed as a day is already its last instant), so the replay searches the same range.
    /// </summary>
    public static string For(SearchRequest request)
    {
        var command = new StringBuilder("news-search search ").Append(Quote(request.Query ?? string.Empty));
        command.Append(CultureInfo.InvariantCulture, $" --page {request.Page} --size {request.Size}");
        Repeat(command, "--category", request.Categories);
        Repeat(command, "--source", request.Sources);
        Repeat(command, "--month", request.Months);
        if (request.From is { } from)
        {
            command.Append(" --from ").Append(Instant(from));
        }

        if (request.To is { } to)
        {
            command.Append(" --to ").Append(Instant(to));
        }

        if (request.Sort != SearchSort.Relevance)
        {
            command.Append(" --sort ").Append(SortName(request.Sort));
        }

        if (request.RecencyHalfLifeDays is { } days)
        {
            command.Append(" --recency ").Append(days.ToString(CultureInfo.InvariantCulture));
        }

        return command.ToString();
    }

    /// <summary>The sort as the API and the CLI spell it.</summary>
    public static string SortName(SearchSort sort) => sort == SearchSort.Date ? "date" : "relevance";

    /// <summary>An instant as ISO 8601 in UTC, as both hosts parse it.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void Repeat(StringBuilder command, string option, IReadOnlyList<string>? values)
    {
        foreach (var value in values ?? [])
        {
            command.Append(' ').Append(option).Append(' ').Append(Quote(value));
        }
    }

    // Inside single quotes nothing is special but the quote itself, closed, escaped and reopened.
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
