namespace Search.Evaluation.Metrics;

/// <summary>Computes one query's value of a <see cref="Metric"/> from its ranked list and judgments, exactly as trec_eval does.</summary>
/// <remarks>
/// Conventions (trec_eval 9.x): a document is relevant when its grade is at least 1; unjudged documents count as not
/// relevant; the ranked list must already be in trec_eval order (score descending, then document id descending, see
/// <see cref="Runs.Run.Ranked"/>). nDCG uses the grade itself as gain and log2(rank + 1) as discount, and its ideal
/// ranking is built from all judged documents of the query, not only the retrieved ones.
/// </remarks>
public static class MetricCalculator
{
    /// <summary>The value of <paramref name="metric"/> for one query; <paramref name="judged"/> must hold at least one relevant document.</summary>
    public static double Compute(Metric metric, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        var relevantCount = judged.Values.Count(grade => grade > 0);
        if (relevantCount == 0)
        {
            throw new ArgumentException("The query has no relevant document; such queries are skipped.", nameof(judged));
        }

        var depth = metric.Cutoff is { } k ? Math.Min(k, ranked.Count) : ranked.Count;
        return metric.Kind switch
        {
            MetricKind.Ndcg => Ndcg(ranked, judged, depth, metric.Cutoff),
            MetricKind.Map => AveragePrecision(ranked, judged, depth, relevantCount),
            MetricKind.Mrr => ReciprocalRank(ranked, judged, depth),
            MetricKind.Precision => (double)RelevantIn(ranked, judged, depth) / metric.Cutoff!.Value,
            _ => (double)RelevantIn(ranked, judged, depth) / relevantCount,
        };
    }

    private static int Grade(IReadOnlyDictionary<string, int> judged, string docId) =>
        judged.TryGetValue(docId, out var grade) && grade > 0 ? grade : 0;

    private static int RelevantIn(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int depth)
    {
        var count = 0;
        for (var i = 0; i < depth; i++)
        {
            if (Grade(judged, ranked[i]) > 0)
            {
                count++;
            }
        }

        return count;
    }

    private static double AveragePrecision(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int depth, int relevantCount)
    {
        var found = 0;
        var sum = 0.0;
        for (var i = 0; i < depth; i++)
        {
            if (Grade(judged, ranked[i]) > 0)
            {
                found++;
                sum += (double)found / (i + 1);
            }
        }

        return sum / relevantCount;
    }

    private static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            if (Grade(judged, ranked[i]) > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    private static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int depth, int? cutoff)
    {
        var dcg = 0.0;
        for (var i = 0; i < depth; i++)
        {
            dcg += Grade(judged, ranked[i]) / Math.Log2(i + 2);
        }

        var ideal = judged.Values.Where(grade => grade > 0).OrderDescending().ToList();
        var idealDepth = cutoff is { } k ? Math.Min(k, ideal.Count) : ideal.Count;
        var idcg = 0.0;
        for (var i = 0; i < idealDepth; i++)
        {
            idcg += ideal[i] / Math.Log2(i + 2);
        }

        return dcg / idcg;
    }
}
