namespace Search.Querying.Variants;

/// <summary>Why two spellings were, or were not, taken for one name (see <see cref="VariantMiner"/>).</summary>
/// <param name="First">One spelling (normalized).</param>
/// <param name="Second">The other.</param>
/// <param name="FirstSkeleton">The first's consonant skeleton (<see cref="Skeleton"/>).</param>
/// <param name="SecondSkeleton">The second's.</param>
/// <param name="FirstArticles">Articles using the first (headline or body).</param>
/// <param name="SecondArticles">Articles using the second.</param>
/// <param name="LeftSimilarity">Cosine of the counts of the words found just before each (0–1).</param>
/// <param name="RightSimilarity">Cosine of the counts of the words found just after each.</param>
/// <param name="SourceSeparation">
/// How much the spelling depends on the source (Cramér's V of source × spelling, 0–1): near 1 when each source writes
/// one of them (a house style), near 0 when every source writes both (two words). Shown, not decisive.
/// </param>
/// <param name="Refusal">Why they are not one name, or null when they are proposed.</param>
public sealed record VariantEvidence(
    string First,
    string Second,
    string FirstSkeleton,
    string SecondSkeleton,
    int FirstArticles,
    int SecondArticles,
    double LeftSimilarity,
    double RightSimilarity,
    double SourceSeparation,
    string? Refusal)
{
    /// <summary>The context similarity: the mean of the left and right cosines.</summary>
    public double Similarity => (LeftSimilarity + RightSimilarity) / 2;

    /// <summary>True when the pair is proposed as one name.</summary>
    public bool Proposed => Refusal is null;

    /// <summary>The evidence in one line, as the proposals file's comments and <c>variants explain</c> give it.</summary>
    public string Summary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"skeleton {FirstSkeleton}{(FirstSkeleton == SecondSkeleton ? string.Empty : " / " + SecondSkeleton)}; articles {FirstArticles:N0} / {SecondArticles:N0}; context {Similarity:0.00} (before {LeftSimilarity:0.00}, after {RightSimilarity:0.00}); sources {SourceSeparation:0.00}");
}
