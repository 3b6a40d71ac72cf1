using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>GET /health</c>, <c>/health/ready</c> and <c>/health/live</c>.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Health)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Is the index open?")
            .WithDescription("200 with the document count and schema version when an index of this build's schema "
                + "version is open, and the search-result cache's capacity, entries, hits, misses and evictions; 503 when "
                + "it is missing, of another schema version or unreadable.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        routes.MapGet("/health/ready", Health)
            .WithName("Ready")
            .WithTags("Health")
            .WithSummary("Can this instance serve searches?")
            .WithDescription("For load balancers and orchestrators: 200 when an index of this build's schema version is "
                + "open, 503 otherwise (missing, another schema version, unreadable). Same body as /health.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableRateLimiting();
        routes.MapGet("/health/live", () => TypedResults.Ok(new LiveResponse("live")))
            .WithName("Live")
            .WithTags("Health")
            .WithSummary("Is the process up?")
            .WithDescription("200 whenever the process answers, whatever the state of the index: restart only on no answer.")
            .DisableRateLimiting();
        return routes;
    }

    private static Results<Ok<HealthResponse>, ProblemHttpResult> Health(NewsSearcher searcher)
    {
        var status = searcher.Status;
        return status.IsReady
            ? TypedResults.Ok(new HealthResponse("ready", status.DocumentCount, status.SchemaVersion, Path.GetFileName(status.Generation),
                ResultCacheResponse.From(searcher.GetResultCacheStatistics())))
            : IndexProblems.Unavailable(status);
    }
}
