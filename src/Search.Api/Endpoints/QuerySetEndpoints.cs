using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Search.Api.Contracts;
using Search.Api.Contracts.Judging;
using Search.Api.Judging;
using Search.Evaluation.Topics;

namespace Search.Api.Endpoints;

/// <summary><c>/judge/api/query-sets</c>: the query sets to judge (files on the server, and uploads).</summary>
internal static class QuerySetEndpoints
{
    public static RouteGroupBuilder MapQuerySetEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/query-sets", List)
            .WithName("JudgeQuerySets")
            .WithSummary("List query sets")
            .WithDescription(
                "Every query set: origin file (a *.tsv of the query-sets folder, Search:Judgments:QuerySetsPath; read-only) "
                + "or uploaded (PUT /judge/api/query-sets/{name}), with the number of queries and of queries with at "
                + "least one judgment. Query ids are global: a judgment of query s01 counts in every set holding s01.");

        group.MapGet("/query-sets/{name}", Get)
            .WithName("JudgeQuerySet")
            .WithSummary("Get one query set")
            .WithDescription("The queries of a set in order, each with the number of documents judged for it. 404: no such set.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/query-sets/{name}", PutAsync)
            .WithName("JudgeUploadQuerySet")
            .WithSummary("Upload a query set (write)")
            .WithDescription(
                "Creates or replaces an uploaded query set from TSV (one qid<TAB>text per line, as the topics files of "
                + "the CLI). Bad lines (no tab, empty id or text, an id with whitespace or over 128 characters, a text "
                + "over 1000 characters, a repeated id) are skipped and listed in errors. 400: a name outside "
                + "[A-Za-z0-9._-]{1,64}, the name of a file set, no valid line, or more than 10000 queries; 401: the "
                + "write key is configured and X-Judge-Key is missing or wrong; "
                + "403: no write key is configured and the client is not on the server's own machine; 413: body over the upload limit (1 MiB "
                + "unless configured); 415: the body is not application/json.")
            .Accepts<QuerySetUploadRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapDelete("/query-sets/{name}", Delete)
            .WithName("JudgeDeleteQuerySet")
            .WithSummary("Remove an uploaded query set (write)")
            .WithDescription(
                "Removes an uploaded query set and its queries: 204. Its judgments stay (they belong to query ids, and "
                + "export with the rest). 400: an invalid name, or the name of a file set (remove the file on the "
                + "server instead); 401: the write key is configured and X-Judge-Key is missing or wrong; "
                + "403: no write key is configured and the client is not on the server's own machine; 404: no "
                + "uploaded set of that name.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Delete(
        HttpContext context,
        QuerySetCatalog sets,
        JudgmentStore store,
        JudgingSettings settings,
        [Description("Name of the uploaded set to remove.")] string name,
        [FromHeader(Name = JudgingSettings.WriteKeyHeader), Description("The write key, when the server has one (Search:Judgments:WriteKey).")] string? key)
    {
        if (JudgeWrites.CheckKey(settings, key, context) is { } refused)
        {
            return refused;
        }

        if (JudgingRules.NameProblem(name) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"name {problem}"] });
        }

        if (sets.IsFileSet(name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"'{name}' is a query-set file on the server; it is removed by removing the file."],
            });
        }

        return store.DeleteQuerySet(name) ? TypedResults.NoContent() : JudgingEndpoints.SetNotFound(name);
    }

    private static Ok<QuerySetsResponse> List(QuerySetCatalog sets, JudgmentStore store)
    {
        var judged = store.JudgedCounts();
        return TypedResults.Ok(new QuerySetsResponse(
            [.. sets.List().Select(s => new QuerySetSummaryResponse(s.Name, s.Origin, s.Queries.Count, s.Queries.Count(q => judged.ContainsKey(q.Id))))]));
    }

    private static Results<Ok<QuerySetResponse>, ValidationProblem, ProblemHttpResult> Get(
        QuerySetCatalog sets,
        JudgmentStore store,
        [Description("Query set name.")] string name)
    {
        if (JudgingRules.NameProblem(name) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"name {problem}"] });
        }

        if (sets.Find(name) is not { } set)
        {
            return JudgingEndpoints.SetNotFound(name);
        }

        var judged = store.JudgedCounts();
        return TypedResults.Ok(new QuerySetResponse(
            set.Name,
            set.Origin,
            [.. set.Queries.Select(q => new QuerySetQueryResponse(q.Id, q.Text, judged.GetValueOrDefault(q.Id)))]));
    }

    private static async Task<Results<Ok<QuerySetUploadResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        HttpRequest request,
        QuerySetCatalog sets,
        JudgmentStore store,
        JudgingSettings settings,
        [Description("Name of the set to create or replace: 1–64 characters of A–Z, a–z, 0–9, '.', '_', '-'; not the name of a file set.")] string name,
        [FromHeader(Name = JudgingSettings.WriteKeyHeader), Description("The write key, when the server has one (Search:Judgments:WriteKey).")] string? key,
        CancellationToken cancellationToken)
    {
        if (JudgeWrites.CheckKey(settings, key, request.HttpContext) is { } refused)
        {
            return refused;
        }

        var (body, invalid) = await JudgeWrites.ReadJsonAsync(request, ApiJsonContext.Default.QuerySetUploadRequest, settings.MaxUploadBytes, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (JudgingRules.NameProblem(name) is { } problem)
        {
            errors["name"] = [$"name {problem}"];
        }
        else if (sets.IsFileSet(name))
        {
            errors["name"] = [$"'{name}' is the name of a query-set file on the server; choose another name."];
        }

        if (body!.Tsv is null)
        {
            errors["tsv"] = ["tsv is required: the set as text, one qid<TAB>text per line."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var reader = new StringReader(body.Tsv!);
        var read = TopicReader.Read(reader, name, QuerySetCatalog.TopicProblem);
        var lineErrors = read.Errors.Select(LineErrorResponse.From).ToList();
        if (read.Value.Count == 0 || read.Value.Count > JudgingRules.MaxQueriesPerSet)
        {
            var reason = read.Value.Count == 0
                ? "tsv has no valid line (qid<TAB>text)."
                : $"tsv has {read.Value.Count} queries; a set may hold at most {JudgingRules.MaxQueriesPerSet}.";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["tsv"] = [reason, .. lineErrors.Take(20).Select(e => $"line {e.Line}: {e.Reason}")],
            });
        }

        store.SaveQuerySet(name, read.Value);
        return TypedResults.Ok(new QuerySetUploadResponse(name, read.Value.Count, lineErrors));
    }
}
