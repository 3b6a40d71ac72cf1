using Search.Evaluation.Qrels;
using Search.Evaluation.Runs;

namespace Search.Evaluation.Metrics;

/// <summary>Scores a run against qrels with trec_eval's query conventions.</summary>
/// <remarks>
/// The evaluated queries are the judged ones with at least one relevant document (as <c>trec_eval -c</c>): queries
/// without a relevant document are skipped, since no ranking can be good or bad for them; judged queries the run does
/// not answer score 0 on every metric; queries of the run that are not judged are ignored.
/// </remarks>
public static class RunEvaluator
{
    /// <summary>Scores <paramref name="run"/> on every metric of <paramref name="metrics"/>.</summary>
    public static RunEvaluation Evaluate(Run run, QrelSet qrels, IReadOnlyList<Metric> metrics)
    {
        var queryIds = qrels.QueryIds.Where(q => qrels.For(q).Values.Any(grade => grade > 0)).ToList();
        var perQuery = metrics.ToDictionary(
            m => m.Name,
            _ => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var queryId in queryIds)
        {
            var ranked = run.Ranked(queryId).Select(e => e.DocId).ToList();
            if (ranked.Count == 0)
            {
                missing.Add(queryId);
            }

            foreach (var metric in metrics)
            {
                ((Dictionary<string, double>)perQuery[metric.Name])[queryId] =
                    MetricCalculator.Compute(metric, ranked, qrels.For(queryId));
            }
        }

        return new RunEvaluation(run.Name, metrics, queryIds, perQuery, missing);
    }
}
