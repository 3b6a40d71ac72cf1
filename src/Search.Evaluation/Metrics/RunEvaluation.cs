namespace Search.Evaluation.Metrics;

/// <summary>One run scored against qrels: per-query values and their means, for each metric.</summary>
/// <param name="RunName">The run's name.</param>
/// <param name="Metrics">The metrics, in the order asked.</param>
/// <param name="QueryIds">The evaluated queries: judged with at least one relevant document, ordinal order.</param>
/// <param name="PerQuery">Metric name to query id to value.</param>
/// <param name="MissingQueries">Evaluated queries the run has no line for (scored 0).</param>
public sealed record RunEvaluation(
    string RunName,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<string> QueryIds,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> PerQuery,
    IReadOnlyList<string> MissingQueries)
{
    /// <summary>The mean of a metric over <see cref="QueryIds"/> (0 when there are none).</summary>
    public double Mean(Metric metric)
    {
        var values = PerQuery[metric.Name];
        return QueryIds.Count == 0 ? 0 : QueryIds.Sum(q => values[q]) / QueryIds.Count;
    }

    /// <summary>One query's value of a metric.</summary>
    public double Value(Metric metric, string queryId) => PerQuery[metric.Name][queryId];
}
