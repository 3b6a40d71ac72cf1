namespace Search.Querying;

/// <summary>How a <see cref="NewsSearcher"/> finds and follows its index.</summary>
/// <param name="IndexPath">Index root: the folder holding CURRENT and the generation folders.</param>
/// <param name="RefreshInterval">
/// How often to look for new commits and a switched generation; null for the default (500 ms),
/// <see cref="Timeout.InfiniteTimeSpan"/> to refresh only when <see cref="NewsSearcher.Refresh"/> is called.
/// </param>
/// <param name="Weights">Ranking weights; null for <see cref="RankingWeights.Default"/>.</param>
public sealed record NewsSearcherOptions(string IndexPath, TimeSpan? RefreshInterval = null, RankingWeights? Weights = null)
{
    /// <summary>The default refresh interval: new commits are visible within about half a second.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMilliseconds(500);
}
