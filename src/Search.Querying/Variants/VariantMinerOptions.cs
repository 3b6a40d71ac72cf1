namespace Search.Querying.Variants;

/// <summary>The thresholds of <see cref="VariantMiner"/>.</summary>
/// <param name="MinArticles">Each spelling must be used in at least this many articles ("both spellings frequent").</param>
/// <param name="MinLength">Spellings shorter than this many letters are never grouped (كيم and كم).</param>
/// <param name="MinSimilarity">The context similarity (mean cosine of the words before and after) a pair needs.</param>
/// <param name="MaxArabicShare">
/// A spelling that also occurs with the article ال or a pronoun suffix in more than this share of its articles (and 3 or
/// more) is an Arabic word, which inflects, not a foreign name, which does not.
/// </param>
public sealed record VariantMinerOptions(int MinArticles = 10, int MinLength = 4, double MinSimilarity = 0.5, double MaxArabicShare = 0.02);
