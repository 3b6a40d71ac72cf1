using System.Globalization;

namespace Search.Querying;

/// <summary>Turns raw parameter strings (HTTP query string, command line) into a valid <see cref="SearchRequest"/>.</summary>
/// <remarks>
/// Errors are keyed by parameter name (<c>q</c>, <c>page</c>, <c>size</c>, <c>category</c>, <c>source</c>, <c>month</c>,
/// <c>from</c>, <c>to</c>, <c>sort</c>, <c>recency</c>, <c>correct</c>, <c>collapse</c>) so hosts can report them as such. Facet parameters may repeat
/// (<c>category=a&amp;category=b</c>): the values are alternatives.
/// </remarks>
public static class SearchRequestBinder
{
    /// <summary>Binds and validates; returns null with the errors when a parameter is invalid.</summary>
    public static SearchRequest? TryBind(
        string? q,
        string? page,
        string? size,
        IReadOnlyList<string?>? category,
        IReadOnlyList<string?>? source,
        string? from,
        string? to,
        string? sort,
        out IReadOnlyDictionary<string, string[]> errors,
        IReadOnlyList<string?>? month = null,
        string? recency = null,
        double? defaultRecencyHalfLifeDays = null,
        string? correct = null,
        string? collapse = null)
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
                case "date" or "newest":
                    sortValue = SearchSort.Date;
                    break;
                default:
                    found["sort"] = ["sort must be 'relevance', 'date' or 'newest'."];
                    break;
            }
        }

        var halfLife = defaultRecencyHalfLifeDays;
        if (!string.IsNullOrWhiteSpace(recency))
        {
            var text = recency.Trim().ToLowerInvariant();
            if (text is "off" or "0")
            {
                halfLife = null;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var days)
                     && days is > 0 and <= SearchLimits.MaxRecencyHalfLifeDays)
            {
                halfLife = days;
            }
            else
            {
                found["recency"] = [$"recency must be a half-life in days (above 0, at most {SearchLimits.MaxRecencyHalfLifeDays}), or 'off'."];
            }
        }

        var corrections = true;
        if (!string.IsNullOrWhiteSpace(correct))
        {
            switch (correct.Trim().ToLowerInvariant())
            {
                case "true" or "1":
                    break;
                case "false" or "0":
                    corrections = false;
                    break;
                default:
                    found["correct"] = ["correct must be 'true' or 'false'."];
                    break;
            }
        }

        var collapseValue = true;
        if (!string.IsNullOrWhiteSpace(collapse) && !bool.TryParse(collapse.Trim(), out collapseValue))
        {
            collapseValue = true;
            found["collapse"] = ["collapse must be true or false."];
        }

        var months = Values(month);
        foreach (var value in months)
        {
            if (!IsMonth(value))
            {
                found["month"] = [$"month must be yyyy-MM (for example 2018-03), not '{value}'."];
                break;
            }
        }

        var request = new SearchRequest(q, pageNumber, pageSize, Values(category), Values(source), fromValue, toValue, sortValue)
        {
            Months = months,
            RecencyHalfLifeDays = halfLife,
            Correct = corrections,
            Collapse = collapseValue,
        };
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

        foreach (var (name, values) in new[] { ("category", request.Categories), ("source", request.Sources), ("month", request.Months) })
        {
            if (values is { Count: > SearchLimits.MaxFacetValues })
            {
                errors[name] = [$"{name} may be given at most {SearchLimits.MaxFacetValues} times."];
            }
        }

        if (request.RecencyHalfLifeDays is { } days && !(days is > 0 and <= SearchLimits.MaxRecencyHalfLifeDays))
        {
            errors["recency"] = [$"recency must be above 0 and at most {SearchLimits.MaxRecencyHalfLifeDays} days."];
        }

        return errors;
    }

    // Blank values are ignored; duplicates collapse; order is kept (it does not matter to the search).
    private static IReadOnlyList<string> Values(IReadOnlyList<string?>? values) =>
        values is null ? [] : values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static bool IsMonth(string value) =>
        value.Length == 7 && value[4] == '-'
        && DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

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
