using Microsoft.AspNetCore.Http.HttpResults;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary>The 503 answer for an index that is missing, of another schema version or unreadable.</summary>
internal static class IndexProblems
{
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
