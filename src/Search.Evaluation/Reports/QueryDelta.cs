namespace Search.Evaluation.Reports;

/// <summary>How one query moved between the baseline and another run on one metric.</summary>
public sealed record QueryDelta(string QueryId, double Baseline, double Other)
{
    /// <summary>Other − baseline.</summary>
    public double Delta => Other - Baseline;
}
