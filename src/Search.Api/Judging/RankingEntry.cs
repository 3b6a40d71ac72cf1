using Search.Querying;

namespace Search.Api.Judging;

/// <summary>A ranking configuration on offer for judging runs, and whether it can run on the served index.</summary>
/// <param name="Name">The name requests use.</param>
/// <param name="Profile">The analysis profile it needs; null when the file could not be read.</param>
/// <param name="Weights">The configuration; null when the file could not be read.</param>
/// <param name="Reason">Why it cannot run (another analysis profile, a bad file), or null when it can.</param>
public sealed record RankingEntry(string Name, string? Profile, RankingWeights? Weights, string? Reason)
{
    /// <summary>True when it can run on the served index.</summary>
    public bool Available => Weights is not null && Reason is null;
}
