using System.Globalization;

namespace Search.Querying;

/// <summary>Turns raw parameter strings (HTTP query string, command line) into a valid <see cref="SearchRequest"/>.</summary>
/// <remarks>Errors are keyed by parameter name (<c>q</c>, <c>page</c>, <c>size</c>, <c>from</c>, <c>to</c>, <c>sort</c>) so hosts can report them as such.</remarks>
public static class SearchRequestBinder
{
    /// <summary>Binds and validates; returns null with the errors when a parameter is invalid.</summary>
    public static SearchRequest? TryBind(
        string? q,
        string? page,
        string? size,
        string? category,
        string? source,
        string? from,
        string? to,
        string? sort,
        out IReadOnlyDictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pageNumber = ParseInt(page, "page", 1, found);
        var pageSize = ParseInt(size, "size", 10, found);

        DateTimeOffset? fromValue = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (DateBounds.TryParseFrom(from, out var parsed))
            {
                fromValue = parsed;
            }
            else
            {
                found["from"] = ["from must be a date (yyyy-MM-dd) or an ISO 8601 date and time."];
            }
        }

        DateTimeOffset? toValue = null;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (DateBounds.TryParseTo(to, out var parsed))
            {
                toValue = parsed;
            }
            else
            {
                found["to"] = ["to must be a date (yyyy-MM-dd) or an ISO 8601 date and time."];
            }
        }

        var sortValue = SearchSort.Relevance;
        if (!string.IsNullOrWhiteSpace(sort))
        {
            switch (sort.Trim().ToLowerInvariant())
            {
                case "relevance":
                    break;
                case "date":
                    sortValue = SearchSort.Date;
                    break;
                default:
                    found["sort"] = ["sort must be 'relevance' or 'date'."];
                    break;
            }
        }

        var request = new SearchRequest(
            q,
            pageNumber,
            pageSize,
            string.IsNullOrWhiteSpace(category) ? null : category.Trim(),
            string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
            fromValue,
            toValue,
            sortValue);
        foreach (var (key, messages) in Validate(request))
        {
            found.TryAdd(key, messages);
        }

        errors = found;
        return found.Count == 0 ? request : null;
    }

    /// <summary>The limit violations of a typed request, keyed by parameter name; empty when it is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SearchRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Query is { Length: > SearchLimits.MaxQueryLength })
        {
            errors["q"] = [$"q must be at most {SearchLimits.MaxQueryLength} characters."];
        }

        if (request.Page < 1)
        {
            errors["page"] = ["page must be at least 1."];
        }

        if (request.Size is < 1 or > SearchLimits.MaxPageSize)
        {
            errors["size"] = [$"size must be between 1 and {SearchLimits.MaxPageSize}."];
        }

        if (request.Page >= 1 && request.Size >= 1 && (long)request.Page * request.Size > SearchLimits.MaxResultWindow)
        {
            errors["page"] = [$"page × size must be at most {SearchLimits.MaxResultWindow}."];
        }

        if (request.From is { } from && request.To is { } to && from > to)
        {
            errors["from"] = ["from must not be after to."];
        }

        return errors;
    }

    private static int ParseInt(string? text, string name, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be an integer."];
        return fallback;
    }
}
