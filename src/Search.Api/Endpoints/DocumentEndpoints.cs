using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>GET /documents/{id}</c>.</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/documents/{id}", GetDocument)
            .WithName("GetDocument")
            .WithTags("Documents")
            .WithSummary("Get one article by id")
            .WithDescription("The stored article: id, title, body, category, source, url and date as indexed. "
                + "404 when no article has this id; 503 when the index is missing or of another schema version.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static Results<Ok<DocumentResponse>, ProblemHttpResult> GetDocument(
        NewsSearcher searcher,
        [Description("Article id, as in search hits.")] string id)
    {
        try
        {
            return searcher.GetDocument(id) is { } article
                ? TypedResults.Ok(DocumentResponse.From(article))
                : TypedResults.Problem(
                    title: "Document not found",
                    detail: $"No article has the id '{id}'.",
                    statusCode: StatusCodes.Status404NotFound);
        }
        catch (IndexUnavailableException e)
        {
            return IndexProblems.Unavailable(e.Status);
        }
    }
}
