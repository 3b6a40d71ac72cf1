using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>GET /analyze</c>.</summary>
public static class AnalyzeEndpoints
{
    public static IEndpointRouteBuilder MapAnalyzeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/analyze", Analyze)
            .WithName("Analyze")
            .WithTags("Analysis")
            .WithSummary("Show how a text is analyzed")
            .WithDescription("The tokens each analyzed field (title, title.exact, body, body.exact) makes of the text: "
                + "term, position (gaps where stop words were removed) and UTF-16 offsets. Needs no index.");
        return routes;
    }

    private static Results<Ok<AnalyzeResponse>, ValidationProblem> Analyze(
        [Description("Text to analyze, at most 10000 characters.")] string? text)
    {
        if (text is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["text is required."] });
        }

        if (text.Length > SearchLimits.MaxAnalyzeLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"text must be at most {SearchLimits.MaxAnalyzeLength} characters."],
            });
        }

        return TypedResults.Ok(AnalyzeResponse.From(text, TextAnalysis.AnalyzeFields(text)));
    }
}
