using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Search.Api.Contracts.Judging;
using Search.Api.Judging;
using Search.Querying;
using Search.Querying.Ranking;

namespace Search.Api.Endpoints;

/// <summary>
/// <c>/judge/api</c>: the analysts' workbench (#5). Reads: rankings, query sets, results to judge, comparisons, metrics.
/// The only writes of the API: judgments and uploaded query sets, into the <see cref="JudgmentStore"/>, behind the
/// write key when one is configured.
/// </summary>
public static class JudgingEndpoints
{
    public const string Prefix = "/judge/api";

    public static IEndpointRouteBuilder MapJudgingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Prefix)
            .WithTags("Judging")
            .AddEndpointFilter(AnswerFailuresAsProblems)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/rankings", Rankings)
            .WithName("JudgeRankings")
            .WithSummary("List ranking configurations")
            .WithDescription(
                "The ranking configurations a judging request may name: the served one (current, the default of every "
                + "judging request), the built-ins (default, stock) and every *.json of the rankings folder "
                + "(Search:Judgments:RankingsPath). Only those of the served index's analysis profile can run; the others "
                + "have available false and the reason. writeKeyRequired says whether writes need the X-Judge-Key header.");

        group.MapGet("/results", Results)
            .WithName("JudgeResults")
            .WithSummary("Top hits of a query to judge")
            .WithDescription(
                "The top hits of a query under one ranking, through the path of /search with did-you-mean and the typo "
                + "retry off, each with its stored grade (0–3; null when unjudged), and variants: the words of the query that "
                + "the name-variants file widens, with the other spellings searched. Give q (the text; its queryId is q- and "
                + "the first 10 hex digits of the SHA-256 of the trimmed text) or qid (a query of a set, or a judged query; "
                + "its text is looked up) or both. 400: invalid parameters (keyed by name), an unknown ranking or one that "
                + "cannot run on this index, or an unusable query (title \"Invalid query\"); 404: qid without q is "
                + "unknown; 503: the index or the judgment store is unavailable.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/compare", Compare)
            .WithName("JudgeCompare")
            .WithSummary("Compare two rankings on one query")
            .WithDescription(
                "The top hits of one query under rankings a and b side by side. Each hit carries its grade (null: "
                + "unjudged) and otherRank, its 1-based rank in the other side's list (null when it is not there), from "
                + "which moved-up, moved-down and new markers follow. The query is given as in /judge/api/results. "
                + "400: invalid parameters or rankings; 404: unknown qid; 503: index or judgment store unavailable.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapQuerySetEndpoints();
        group.MapJudgmentEndpoints();
        group.MapJudgingMetricsEndpoints();
        return routes;
    }

    /// <summary>Size and key parameters bind as strings (a bad value is a 400 keyed by name); the document describes them as they are.</summary>
    public static Task DescribeParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.StartsWith(Prefix.TrimStart('/'), StringComparison.Ordinal) is not true)
        {
            return Task.CompletedTask;
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Name == "size" && parameter.Schema is OpenApiSchema schema)
            {
                schema.Type = JsonSchemaType.Integer;
                schema.Format = "int32";
            }
        }

        return Task.CompletedTask;
    }

    // What any judging operation may meet below the endpoint, answered as the rest of the API answers it.
    private static async ValueTask<object?> AnswerFailuresAsProblems(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (IndexUnavailableException e)
        {
            return IndexProblems.Unavailable(e.Status);
        }
        catch (JudgmentStoreException e)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(JudgingEndpoints)).LogError(e, "Judgment store failure");
            return TypedResults.Problem(
                title: "Judgment store unavailable",
                detail: "The judgment store cannot be read or written; the server log says why.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (QuerySyntaxException e)
        {
            return IndexProblems.InvalidQuery(e);
        }
        catch (RankingProfileMismatchException e)
        {
            return TypedResults.Problem(title: "Ranking unavailable", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static Ok<RankingsResponse> Rankings(RankingCatalog rankings, JudgingSettings settings) =>
        TypedResults.Ok(new RankingsResponse(
            rankings.Current,
            settings.WriteKey is not null,
            [.. rankings.List().Select(r => new RankingResponse(r.Name, r.Profile, r.Available, r.Reason))]));

    private static Results<Ok<JudgedResultsResponse>, ValidationProblem, ProblemHttpResult> Results(
        RankingCatalog rankings,
        QuerySetCatalog sets,
        JudgmentStore store,
        JudgingRunner runner,
        [Description("Query text, at most 1000 characters. Optional when qid is given.")] string? q,
        [Description("Query id: of a query set, or of a judged query (q-… for typed ones). Optional when q is given; without q its text is looked up.")] string? qid,
        [Description("Ranking configuration name (GET /judge/api/rankings); default: the served one.")] string? ranking,
        [Description("Hits to return (integer 1–100, default 10).")] string? size)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (text, id) = JudgingParameters.Query(q, qid, errors);
        var weights = JudgingParameters.Ranking("ranking", ranking, rankings, errors);
        var count = JudgingParameters.Size(size, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        text ??= sets.FindQueryText(id!);
        if (text is null)
        {
            return QueryNotFound(id!);
        }

        var grades = Grades(store, id!);
        var page = runner.Top(text, weights!, count);
        return TypedResults.Ok(new JudgedResultsResponse(
            text,
            id!,
            weights!.Name,
            page.Total,
            [.. page.Hits.Select((hit, i) => JudgedHitResponse.From(hit, i + 1, Grade(grades, hit.Id)))],
            [.. runner.Variants(text).Select(use => new VariantUseResponse(use.Word, use.Spellings))]));
    }

    private static Results<Ok<CompareResponse>, ValidationProblem, ProblemHttpResult> Compare(
        RankingCatalog rankings,
        QuerySetCatalog sets,
        JudgmentStore store,
        JudgingRunner runner,
        [Description("Query text, at most 1000 characters. Optional when qid is given.")] string? q,
        [Description("Query id: of a query set, or of a judged query. Optional when q is given; without q its text is looked up.")] string? qid,
        [Description("Ranking configuration of the left side; default: the served one.")] string? a,
        [Description("Ranking configuration of the right side (required).")] string? b,
        [Description("Hits per side (integer 1–100, default 10).")] string? size)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (text, id) = JudgingParameters.Query(q, qid, errors);
        var left = JudgingParameters.Ranking("a", a, rankings, errors);
        var right = JudgingParameters.RequiredRanking("b", b, rankings, errors);
        var count = JudgingParameters.Size(size, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        text ??= sets.FindQueryText(id!);
        if (text is null)
        {
            return QueryNotFound(id!);
        }

        var grades = Grades(store, id!);
        var pageA = runner.Top(text, left!, count);
        var pageB = runner.Top(text, right!, count);
        return TypedResults.Ok(new CompareResponse(text, id!, Side(left!, pageA, pageB, grades), Side(right!, pageB, pageA, grades)));
    }

    private static CompareSideResponse Side(RankingWeights ranking, SearchPage page, SearchPage other, Dictionary<string, int> grades)
    {
        var otherRanks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < other.Hits.Count; i++)
        {
            otherRanks.TryAdd(other.Hits[i].Id, i + 1);
        }

        return new CompareSideResponse(
            ranking.Name,
            page.Total,
            [.. page.Hits.Select((hit, i) => ComparedHitResponse.From(
                hit, i + 1, Grade(grades, hit.Id), otherRanks.TryGetValue(hit.Id, out var rank) ? rank : null))]);
    }

    internal static Dictionary<string, int> Grades(JudgmentStore store, string queryId) =>
        store.ForQuery(queryId).ToDictionary(j => j.DocId, j => j.Grade, StringComparer.Ordinal);

    private static int? Grade(Dictionary<string, int> grades, string docId) => grades.TryGetValue(docId, out var grade) ? grade : null;

    internal static ProblemHttpResult QueryNotFound(string queryId) => TypedResults.Problem(
        title: "Query not found",
        detail: $"No query set holds the query id '{queryId}' and it has no judged text; give q.",
        statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult SetNotFound(string name) => TypedResults.Problem(
        title: "Query set not found",
        detail: $"There is no query set '{name}'; GET /judge/api/query-sets lists them.",
        statusCode: StatusCodes.Status404NotFound);
}
