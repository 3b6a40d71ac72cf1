namespace Search.Querying;

/// <summary>The knobs of relevance ranking: field boosts, the matched-word bonus and BM25's parameters.</summary>
/// <remarks>
/// Defaults chosen for #2; issue #3 makes them configurable and tunes them against the topics.
/// Exact (normalized, unstemmed) fields weigh more than their stemmed twins, so a document containing the word
/// as typed ranks above one that only shares its stem; titles weigh more than bodies.
/// </remarks>
/// <param name="Title">Boost of the stemmed title.</param>
/// <param name="TitleExact">Boost of the unstemmed title.</param>
/// <param name="Body">Boost of the stemmed body.</param>
/// <param name="BodyExact">Boost of the unstemmed body.</param>
/// <param name="TieBreaker">
/// Share of the non-best fields added to a word's best field score (DisjunctionMaxQuery), so a word in both
/// title and body counts a little more than in one, without summing the four copies of one word.
/// </param>
/// <param name="MatchedWordBonus">
/// Constant added per matched query word (or OR-group or phrase), so documents with more of the words rank
/// higher and documents with all of them first: it must exceed any one word's BM25 contribution.
/// </param>
/// <param name="K1">BM25 term-frequency saturation.</param>
/// <param name="B">BM25 length normalization.</param>
public sealed record RankingWeights(
    float Title = 2.0f,
    float TitleExact = 2.5f,
    float Body = 1.0f,
    float BodyExact = 1.3f,
    float TieBreaker = 0.1f,
    float MatchedWordBonus = 1000f,
    float K1 = 1.2f,
    float B = 0.75f)
{
    /// <summary>The defaults.</summary>
    public static RankingWeights Default { get; } = new();
}
