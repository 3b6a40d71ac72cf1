using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts.Judging;
using Search.Api.Judging;
using Search.Evaluation.Metrics;
using Search.Evaluation.Reports;

namespace Search.Api.Endpoints;

/// <summary><c>/judge/api/metrics</c> and <c>/judge/api/compare-set</c>: the judged queries scored under one or two rankings.</summary>
internal static class JudgingMetricsEndpoints
{
    private static readonly Metric Ndcg10 = new(MetricKind.Ndcg, 10);
    private static readonly Metric P10 = new(MetricKind.Precision, 10);
    private static readonly Metric Mrr10 = new(MetricKind.Mrr, 10);

    public static RouteGroupBuilder MapJudgingMetricsEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/metrics", Metrics)
            .WithName("JudgeMetrics")
            .WithSummary("Metrics of the judged queries")
            .WithDescription(
                "nDCG@10, P@10 and MRR@10 (trec_eval definitions: gain = grade, relevant = grade 1 or more, unjudged = "
                + "not relevant) of the judged queries of set (every judged query when set is absent) under one ranking: "
                + "each query runs to depth 100 through the /search path with did-you-mean and the typo retry off, and "
                + "the run is scored by the evaluation library of the CLI's eval verb. Means are over the scored "
                + "queries; skipped lists judged queries that cannot be scored (no document of grade 1 or more, no known "
                + "text, an unusable query). 400: invalid parameters or ranking; 404: no such set.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/compare-set", CompareSet)
            .WithName("JudgeCompareSet")
            .WithSummary("Compare two rankings over a query set")
            .WithDescription(
                "One metric of rankings a and b over the judged queries of a set, scored as /judge/api/metrics: means, "
                + "wins (b above a), ties and losses (b below a), the two-sided paired randomization test's p-value "
                + "(10,000 trials, fixed seed) and per-query values with delta = b − a, largest first. metric: ndcg@k, "
                + "p@k, mrr@k, recall@k, map or map@k with k at most 100 (default ndcg@10). 400: invalid parameters or "
                + "rankings; 404: no such set.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Results<Ok<MetricsResponse>, ValidationProblem, ProblemHttpResult> Metrics(
        RankingCatalog rankings,
        QuerySetCatalog sets,
        JudgingRunner runner,
        [Description("Ranking configuration name; default: the served one.")] string? ranking,
        [Description("Score only the judged queries of this query set; default: every judged query.")] string? set)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var weights = JudgingParameters.Ranking("ranking", ranking, rankings, errors);
        var name = JudgingParameters.SetName("set", set, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        QuerySet? querySet = null;
        if (name is not null && (querySet = sets.Find(name)) is null)
        {
            return JudgingEndpoints.SetNotFound(name);
        }

        var judged = runner.Judged(querySet);
        var evaluation = runner.Evaluate(judged, [weights!], [Ndcg10, P10, Mrr10], out var skipped)[0];
        var texts = judged.Topics.ToDictionary(t => t.Id, t => t.Text, StringComparer.Ordinal);
        var order = judged.Topics.Select(t => t.Id).Where(evaluation.QueryIds.Contains);
        return TypedResults.Ok(new MetricsResponse(
            weights!.Name,
            name,
            evaluation.QueryIds.Count,
            new MetricValuesResponse(evaluation.Mean(Ndcg10), evaluation.Mean(P10), evaluation.Mean(Mrr10)),
            [.. order.Select(q => new QueryMetricsResponse(
                q, texts[q], evaluation.Value(Ndcg10, q), evaluation.Value(P10, q), evaluation.Value(Mrr10, q)))],
            [.. skipped.Select(s => new SkippedQueryResponse(s.QueryId, s.Reason))]));
    }

    private static Results<Ok<CompareSetResponse>, ValidationProblem, ProblemHttpResult> CompareSet(
        RankingCatalog rankings,
        QuerySetCatalog sets,
        JudgingRunner runner,
        [Description("Query set name (required).")] string? set,
        [Description("Ranking configuration a (the baseline); default: the served one.")] string? a,
        [Description("Ranking configuration b (required).")] string? b,
        [Description("Metric: ndcg@k, p@k, mrr@k, recall@k, map or map@k, k at most 100; default ndcg@10.")] string? metric)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = JudgingParameters.SetName("set", set, errors);
        if (name is null && !errors.ContainsKey("set"))
        {
            errors["set"] = ["set is required: the name of a query set (GET /judge/api/query-sets)."];
        }

        var left = JudgingParameters.Ranking("a", a, rankings, errors);
        var right = JudgingParameters.RequiredRanking("b", b, rankings, errors);
        var measure = Ndcg10;
        if (!string.IsNullOrWhiteSpace(metric))
        {
            if (metric.Length > 32)
            {
                errors["metric"] = ["metric must be at most 32 characters."];
            }
            else if (!Metric.TryParse(metric, out var parsed, out var problem))
            {
                errors["metric"] = [$"metric: {problem}."];
            }
            else if (parsed!.Cutoff is > JudgingRunner.RunDepth)
            {
                errors["metric"] = [$"metric: the cutoff must be at most {JudgingRunner.RunDepth}, the depth of the runs."];
            }
            else
            {
                measure = parsed;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (sets.Find(name!) is not { } querySet)
        {
            return JudgingEndpoints.SetNotFound(name!);
        }

        var judged = runner.Judged(querySet);
        var evaluations = runner.Evaluate(judged, [left!, right!], [measure], out var skipped);
        var comparison = RunComparison.Compare(evaluations[0], evaluations[1], measure);
        var texts = judged.Topics.ToDictionary(t => t.Id, t => t.Text, StringComparer.Ordinal);
        return TypedResults.Ok(new CompareSetResponse(
            querySet.Name,
            left!.Name,
            right!.Name,
            measure.Name,
            comparison.Deltas.Count,
            comparison.BaselineMean,
            comparison.OtherMean,
            comparison.Wins,
            comparison.Ties,
            comparison.Losses,
            comparison.PValue,
            [.. comparison.Deltas
                .OrderByDescending(d => d.Delta)
                .ThenBy(d => d.QueryId, StringComparer.Ordinal)
                .Select(d => new QueryDeltaResponse(d.QueryId, texts[d.QueryId], d.Baseline, d.Other, d.Delta))],
            [.. skipped.Select(s => new SkippedQueryResponse(s.QueryId, s.Reason))]));
    }
}
