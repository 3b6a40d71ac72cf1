using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Search.Api.Contracts;
using Search.Api.Observability;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>GET /search</c>.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/search", Search)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Search news articles")
            .WithDescription(
                "Full-text search over titles, leads and bodies with Arabic normalization and light stemming. Syntax: "
                + "plain words (articles with more of them rank higher), \"quoted text\" (its words, rewarded for standing "
                + "together; strict phrases with a ranking configuration of syntax full), -word or -\"phrase\" to "
                + "exclude, OR between words. Other characters (field:, *, ~, ^, brackets) are searched as "
                + "plain text. An empty q lists the newest articles within the filters. Filters: repeat category, source or "
                + "month for alternatives (OR); different filters and the date range must all hold (AND). Facet counts "
                + "(category, source, month) cover all matches, each facet counted under the other facets' filters but "
                + "not its own. Hits carry an HTML snippet (the best one or two fragments, matched forms in <mark>) and "
                + "titleHighlighted. Corrections read the query as a whole against the index's words and phrases: when "
                + "the query as typed finds almost nothing (at most 3 articles) and its correction ten times as many, the "
                + "answer shows the correction's results and says corrected: true with the searchedQuery (correct=false "
                + "searches as typed); otherwise a correction that has results is offered as didYouMean. A query that still "
                + "finds nothing is retried with typo tolerance (corrected: true). Spellings of one name listed in the "
                + "variants file are searched together. Copies of one story (the same article filed twice, the same wire copy at several "
                + "outlets) show as one hit, the best-ranked (newest for sort=date), whose copyCount and copies say where else "
                + "it ran; collapse=false lists every article. total and facets count articles either way. total is exact. A repeated search is answered from the result cache until the "
                + "next index commit: cached is then true and tookMs the time to serve it. "
                + "400: invalid parameters (keyed by name) or a query over the limits (title \"Invalid query\"); "
                + "503: the index is missing or of another schema version.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    /// <summary>
    /// page, size and sort bind as strings so that a bad value is a 400 keyed by its name (not a bare binding
    /// failure); the OpenAPI document still describes them as the integers and the enumeration they are.
    /// </summary>
    public static Task DescribeIntegerParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath is not ("search" or "suggest"))
        {
            return Task.CompletedTask;
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            if (parameter.Name is "page" or "size")
            {
                schema.Type = JsonSchemaType.Integer;
                schema.Format = "int32";
            }
            else if (parameter.Name == "sort")
            {
                schema.Enum = [JsonValue.Create("relevance"), JsonValue.Create("date"), JsonValue.Create("newest")];
            }
            else if (parameter.Name == "correct")
            {
                schema.Type = JsonSchemaType.Boolean;
            }
            else if (parameter.Name == "collapse")
            {
                schema.Type = JsonSchemaType.Boolean;
                schema.Default = JsonValue.Create(true);
            }
            else if (parameter.Name == "recency")
            {
                schema.Type = JsonSchemaType.String;
                schema.Pattern = "^(off|[0-9]+(\\.[0-9]+)?)$";
            }
        }

        return Task.CompletedTask;
    }

    private static Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult> Search(
        NewsSearcher searcher,
        SearchBoxSettings settings,
        SearchTelemetry telemetry,
        [Description("Query text, at most 1000 characters: words, \"phrases\", -excluded, OR. Empty lists the newest articles.")] string? q,
        [Description("1-based page number (integer, default 1); page × size must not exceed 10000.")] string? page,
        [Description("Hits per page (integer 1–100, default 10).")] string? size,
        [Description("Keep only this category (exact value, as in the facets); repeat for several (any of them).")] string[]? category,
        [Description("Keep only this source (exact value, as in the facets); repeat for several (any of them).")] string[]? source,
        [Description("Keep only this publication month, yyyy-MM (UTC), as in the facets; repeat for several (any of them).")] string[]? month,
        [Description("Earliest publication date, inclusive: yyyy-MM-dd (start of day, UTC) or ISO 8601 date and time.")] string? from,
        [Description("Latest publication date, inclusive: yyyy-MM-dd (the whole day, UTC) or ISO 8601 date and time.")] string? to,
        [Description("Order: relevance (default) or date (newest first; also 'newest').")] string? sort,
        [Description("Recency boost for relevance order: a half-life in days (score × (1 + 2^(−age/half-life)), age from the newest article), or 'off'. Default: configuration Search:Recency:HalfLifeDays, off when unset.")] string? recency,
        [Description("false searches the words as typed: no correction's results, did-you-mean or typo retry (the way back from a correction). Default true.")] string? correct,
        [Description("One hit per story (true, the default) or every matching article (false).")] string? collapse)
    {
        var request = SearchRequestBinder.TryBind(q, page, size, category, source, from, to, sort, out var errors,
            month, recency, settings.RecencyHalfLifeDays, correct, collapse);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        try
        {
            var result = searcher.Search(request);
            telemetry.Searched(request, result);
            return TypedResults.Ok(SearchResponse.From(result));
        }
        catch (QuerySyntaxException e)
        {
            return IndexProblems.InvalidQuery(e);
        }
        catch (IndexUnavailableException e)
        {
            return IndexProblems.Unavailable(e.Status);
        }
    }
}
