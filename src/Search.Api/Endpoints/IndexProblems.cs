using Microsoft.AspNetCore.Http.HttpResults;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary>The problem answers shared by the endpoints that search: an unavailable index (503), a refused query (400).</summary>
internal static class IndexProblems
{
    /// <summary>The 400 for a query over the limits, with the position where it went over.</summary>
    public static ProblemHttpResult InvalidQuery(QuerySyntaxException e) => TypedResults.Problem(
        title: "Invalid query",
        detail: $"{e.Message} (at position {e.Position})",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["position"] = e.Position });

    public const string Title = "Index unavailable";

    public static ProblemHttpResult Unavailable(IndexStatus status) => TypedResults.Problem(
        title: Title,
        detail: status.Message,
        statusCode: StatusCodes.Status503ServiceUnavailable,
        extensions: new Dictionary<string, object?>
        {
            ["state"] = status.State switch
            {
                IndexState.Ready => "ready",
                IndexState.Missing => "missing",
                IndexState.SchemaMismatch => "schemaMismatch",
                _ => "failed",
            },
            ["schemaVersion"] = status.SchemaVersion,
        });
}
