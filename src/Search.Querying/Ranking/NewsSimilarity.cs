using Lucene.Net.Search.Similarities;

namespace Search.Querying.Ranking;

/// <summary>BM25 with a tunable coordination factor: (matched / total)^<see cref="RankingWeights.Coord"/> on the query's words.</summary>
/// <remarks>
/// Lucene 4.8's BM25Similarity has no coord (always 1). The parser enables coordination on one BooleanQuery only, the
/// one holding the query's words, so the factor counts words, not fields or proximity clauses.
/// </remarks>
public sealed class NewsSimilarity(RankingWeights weights) : BM25Similarity(weights.K1, weights.B)
{
    private readonly double _exponent = weights.Coord;

    /// <inheritdoc />
    public override float Coord(int overlap, int maxOverlap) =>
        _exponent <= 0 || maxOverlap <= 0 ? 1f : (float)Math.Pow((double)overlap / maxOverlap, _exponent);
}
