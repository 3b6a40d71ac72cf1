using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Observability;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>GET /suggest</c>: completions as the reader types.</summary>
public static class SuggestEndpoints
{
    /// <summary>Default number of suggestions.</summary>
    public const int DefaultSize = 8;

    public static IEndpointRouteBuilder MapSuggestEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/suggest", Suggest)
            .WithName("Suggest")
            .WithTags("Search")
            .WithSummary("Complete a partial query")
            .WithDescription(
                "Completions of the text typed so far, for a search box that calls on every keystroke: the last, partial "
                + "word completed to indexed words (kind word, by document frequency), frequent headline phrases the "
                + "typed words begin (kind phrase, by number of headlines) and headlines (kind title, with the article "
                + "id, newest first). Matching ignores hamza and alef forms, ة/ه, ى/ي, diacritics, tatweel and the "
                + "article ال (\"اسلا\" offers الإسلام); texts are real spellings from the articles. A trailing space "
                + "means the last word is complete. Empty q: no suggestions. 400: invalid parameters (keyed by name); "
                + "503: the index is missing or of another schema version.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static Results<Ok<SuggestResponse>, ValidationProblem, ProblemHttpResult> Suggest(
        NewsSearcher searcher,
        SearchTelemetry telemetry,
        [Description("Text typed so far, at most 200 characters.")] string? q,
        [Description("Most suggestions to return (integer 1–20, default 8).")] string? size)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var count = DefaultSize;
        if (!string.IsNullOrWhiteSpace(size)
            && (!int.TryParse(size.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count)
                || count is < 1 or > SearchLimits.MaxSuggestions))
        {
            errors["size"] = [$"size must be an integer between 1 and {SearchLimits.MaxSuggestions}."];
        }

        if (q is { Length: > SearchLimits.MaxSuggestQueryLength })
        {
            errors["q"] = [$"q must be at most {SearchLimits.MaxSuggestQueryLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            var suggestions = searcher.Suggest(q, count);
            telemetry.Suggested(Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(SuggestResponse.From(suggestions));
        }
        catch (IndexUnavailableException e)
        {
            return IndexProblems.Unavailable(e.Status);
        }
    }
}
