using Search.Evaluation.Metrics;

namespace Search.Evaluation.Reports;

/// <summary>A run against the baseline on one metric: means, per-query deltas, wins/ties/losses, significance, biggest movers.</summary>
public sealed record RunComparison(
    string Baseline,
    string Other,
    Metric Metric,
    double BaselineMean,
    double OtherMean,
    int Wins,
    int Ties,
    int Losses,
    double PValue,
    IReadOnlyList<QueryDelta> Deltas,
    IReadOnlyList<QueryDelta> MostImproved,
    IReadOnlyList<QueryDelta> MostHurt)
{
    /// <summary>Differences smaller than this are ties.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>Other − baseline, in the metric's units.</summary>
    public double Delta => OtherMean - BaselineMean;

    /// <summary>Relative change (other / baseline − 1); null when the baseline mean is 0.</summary>
    public double? RelativeChange => BaselineMean == 0 ? null : OtherMean / BaselineMean - 1;

    /// <summary>Compares <paramref name="other"/> with <paramref name="baseline"/> on <paramref name="metric"/>, over the baseline's evaluated queries.</summary>
    public static RunComparison Compare(RunEvaluation baseline, RunEvaluation other, Metric metric, int movers = 5)
    {
        var deltas = baseline.QueryIds
            .Select(q => new QueryDelta(q, baseline.Value(metric, q), other.PerQuery[metric.Name].GetValueOrDefault(q)))
            .ToList();
        var wins = deltas.Count(d => d.Delta > TieTolerance);
        var losses = deltas.Count(d => d.Delta < -TieTolerance);
        var byDelta = deltas.Where(d => Math.Abs(d.Delta) > TieTolerance)
            .OrderByDescending(d => d.Delta).ThenBy(d => d.QueryId, StringComparer.Ordinal).ToList();
        return new RunComparison(
            baseline.RunName,
            other.RunName,
            metric,
            baseline.Mean(metric),
            deltas.Count == 0 ? 0 : deltas.Average(d => d.Other),
            wins,
            deltas.Count - wins - losses,
            losses,
            PairedRandomizationTest.PValue([.. deltas.Select(d => d.Delta)]),
            deltas,
            [.. byDelta.Where(d => d.Delta > 0).Take(movers)],
            [.. byDelta.Where(d => d.Delta < 0).Reverse().Take(movers)]);
    }
}
