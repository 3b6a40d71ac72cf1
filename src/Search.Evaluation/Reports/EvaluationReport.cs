using Search.Evaluation.Metrics;

namespace Search.Evaluation.Reports;

/// <summary>Runs scored on the same qrels, and each run after the first compared with the first (the baseline).</summary>
public sealed record EvaluationReport(IReadOnlyList<Metric> Metrics, IReadOnlyList<RunEvaluation> Runs, IReadOnlyList<RunComparison> Comparisons)
{
    /// <summary>Builds the report: every run on every metric, and every later run against the first.</summary>
    public static EvaluationReport Create(IReadOnlyList<RunEvaluation> runs, IReadOnlyList<Metric> metrics) =>
        new(metrics, runs, [.. runs.Skip(1).SelectMany(other => metrics.Select(m => RunComparison.Compare(runs[0], other, m)))]);
}
