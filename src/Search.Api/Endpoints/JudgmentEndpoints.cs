using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Search.Api.Contracts;
using Search.Api.Contracts.Judging;
using Search.Api.Judging;
using Search.Evaluation.Qrels;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>/judge/api/judgments</c> and <c>/judge/api/qrels</c>: reading, writing, exporting and importing grades.</summary>
internal static class JudgmentEndpoints
{
    private const string QrelsFileName = "judgments.qrels";

    public static RouteGroupBuilder MapJudgmentEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/judgments", Get)
            .WithName("JudgeGetJudgments")
            .WithSummary("Judgments of one query")
            .WithDescription("The stored grades of one query, by document id; an empty list when none. 400: invalid queryId.");

        group.MapPut("/judgments", PutAsync)
            .WithName("JudgePutJudgment")
            .WithSummary("Grade a result (write)")
            .WithDescription(
                "Stores grade (0 not relevant, 1 related, 2 relevant, 3 the story itself) for docId on queryId, "
                + "replacing an earlier grade; query is the query text (at most 1000 characters). An id of the typed "
                + "form (q- and 10 hex digits) must be the one derived from query. Ids carry no whitespace or control "
                + "characters (queryId at most 128, docId at most 512 characters). 400: an invalid field (keyed by "
                + "name); 401: the write key is configured and X-Judge-Key is missing or wrong; "
                + "403: no write key is configured and the client is not on the server's own machine; 404: no article has "
                + "docId; 413: body over 16 KiB; 415: the body is not application/json.")
            .Accepts<JudgmentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapDelete("/judgments", Delete)
            .WithName("JudgeDeleteJudgment")
            .WithSummary("Remove a grade (write)")
            .WithDescription(
                "Removes the judgment of docId on queryId: 204, or 404 when there is none. 400: invalid ids; 401: the "
                + "write key is configured and X-Judge-Key is missing or wrong; "
                + "403: no write key is configured and the client is not on the server's own machine.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/qrels", Export)
            .WithName("JudgeExportQrels")
            .WithSummary("Export judgments as TREC qrels")
            .WithDescription(
                "Every judgment (or those of the queries of set) as TREC qrels, qid 0 docid grade per line, sorted by "
                + "query id then document id (ordinal), as an attachment named judgments.qrels; the CLI's eval verb and "
                + "trec_eval read it. 404: no such set.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/qrels", ImportAsync)
            .WithName("JudgeImportQrels")
            .WithSummary("Import TREC qrels (write)")
            .WithDescription(
                "Upserts the judgments of a TREC qrels text (qid iter docid grade per line) in one transaction. Bad "
                + "lines (another column count, a grade that is not an integer from 0 to 3, an invalid id) are skipped "
                + "and listed in errors; of repeated pairs the last line wins. Imported judgments carry no query text. "
                + "Documents are not checked against the index (qrels may come from another build). 400: qrels missing; "
                + "401: the write key is configured and X-Judge-Key is missing or wrong; "
                + "403: no write key is configured and the client is not on the server's own machine; 413: body over the upload "
                + "limit (1 MiB unless configured); 415: the body is not application/json.")
            .Accepts<QrelsImportRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    private static Results<Ok<QueryJudgmentsResponse>, ValidationProblem> Get(
        JudgmentStore store,
        [Description("Query id.")] string? queryId)
    {
        if (JudgingRules.QueryIdProblem(queryId) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["queryId"] = [$"queryId {problem}"] });
        }

        return TypedResults.Ok(new QueryJudgmentsResponse(
            queryId!,
            [.. store.ForQuery(queryId!).Select(j => new JudgmentEntryResponse(j.DocId, j.Grade))]));
    }

    private static async Task<Results<Ok<JudgmentResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        HttpRequest request,
        JudgmentStore store,
        NewsSearcher searcher,
        JudgingSettings settings,
        [FromHeader(Name = JudgingSettings.WriteKeyHeader), Description("The write key, when the server has one (Search:Judgments:WriteKey).")] string? key,
        CancellationToken cancellationToken)
    {
        if (JudgeWrites.CheckKey(settings, key, request.HttpContext) is { } refused)
        {
            return refused;
        }

        var (body, invalid) = await JudgeWrites.ReadJsonAsync(
            request, ApiJsonContext.Default.JudgmentRequest, Math.Min(JudgingSettings.MaxJudgmentBytes, settings.MaxUploadBytes), cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = body!.Query?.Trim();
        if (JudgingRules.QueryIdProblem(body.QueryId) is { } idProblem)
        {
            errors["queryId"] = [$"queryId {idProblem}"];
        }

        if (JudgingRules.QueryTextProblem(query) is { } textProblem)
        {
            errors["query"] = [$"query {textProblem}"];
        }
        else if (!errors.ContainsKey("queryId") && JudgingRules.AdHocMismatch(body.QueryId!, query!) is { } mismatch)
        {
            errors["queryId"] = [mismatch];
        }

        if (JudgingRules.DocIdProblem(body.DocId) is { } docProblem)
        {
            errors["docId"] = [$"docId {docProblem}"];
        }

        if (body.Grade is not { } grade || JudgingRules.GradeProblem(grade) is not null)
        {
            errors["grade"] = [$"grade {JudgingRules.GradeProblem(-1)}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (searcher.GetDocument(body.DocId!) is null)
        {
            return TypedResults.Problem(
                title: "Document not found",
                detail: $"No article has the id '{body.DocId}'; only articles of the served index can be judged here.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var stored = store.Upsert(body.QueryId!, body.DocId!, body.Grade!.Value, query);
        return TypedResults.Ok(new JudgmentResponse(stored.QueryId, stored.DocId, stored.Grade));
    }

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Delete(
        HttpContext context,
        JudgmentStore store,
        JudgingSettings settings,
        [Description("Query id of the judgment to remove.")] string? queryId,
        [Description("Document id of the judgment to remove.")] string? docId,
        [FromHeader(Name = JudgingSettings.WriteKeyHeader), Description("The write key, when the server has one (Search:Judgments:WriteKey).")] string? key)
    {
        if (JudgeWrites.CheckKey(settings, key, context) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (JudgingRules.QueryIdProblem(queryId) is { } idProblem)
        {
            errors["queryId"] = [$"queryId {idProblem}"];
        }

        if (JudgingRules.DocIdProblem(docId) is { } docProblem)
        {
            errors["docId"] = [$"docId {docProblem}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return store.Delete(queryId!, docId!)
            ? TypedResults.NoContent()
            : TypedResults.Problem(
                title: "Judgment not found",
                detail: $"Query '{queryId}' has no judgment of '{docId}'.",
                statusCode: StatusCodes.Status404NotFound);
    }

    private static Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult> Export(
        JudgmentStore store,
        QuerySetCatalog sets,
        [Description("Export only the judgments of this query set's queries; default: every judgment.")] string? set)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = JudgingParameters.SetName("set", set, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var judgments = store.All();
        if (name is not null)
        {
            if (sets.Find(name) is not { } found)
            {
                return JudgingEndpoints.SetNotFound(name);
            }

            var ids = found.Queries.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            judgments = [.. judgments.Where(j => ids.Contains(j.QueryId))];
        }

        using var writer = new StringWriter();
        QrelsWriter.Write(writer, new QrelSet(judgments.Select(j => new Qrel(j.QueryId, j.DocId, j.Grade))));
        return TypedResults.File(new UTF8Encoding(false).GetBytes(writer.ToString()), "text/plain; charset=utf-8", QrelsFileName);
    }

    private static async Task<Results<Ok<QrelsImportResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request,
        JudgmentStore store,
        JudgingSettings settings,
        [FromHeader(Name = JudgingSettings.WriteKeyHeader), Description("The write key, when the server has one (Search:Judgments:WriteKey).")] string? key,
        CancellationToken cancellationToken)
    {
        if (JudgeWrites.CheckKey(settings, key, request.HttpContext) is { } refused)
        {
            return refused;
        }

        var (body, invalid) = await JudgeWrites.ReadJsonAsync(request, ApiJsonContext.Default.QrelsImportRequest, settings.MaxUploadBytes, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (body!.Qrels is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["qrels"] = ["qrels is required: TREC qrels text, qid iter docid grade per line."],
            });
        }

        using var reader = new StringReader(body.Qrels);
        var read = QrelsReader.Read(reader, "qrels", QrelProblem);
        var imported = store.Import(read.Value.All());
        return TypedResults.Ok(new QrelsImportResponse(imported, [.. read.Errors.Select(LineErrorResponse.From)]));
    }

    private static string? QrelProblem(Qrel qrel) =>
        JudgingRules.GradeProblem(qrel.Grade) is { } grade ? $"grade {qrel.Grade} is out of range: it {grade}"
        : JudgingRules.QueryIdProblem(qrel.QueryId) is { } id ? $"query id {id}"
        : JudgingRules.DocIdProblem(qrel.DocId) is { } doc ? $"document id {doc}"
        : null;
}
