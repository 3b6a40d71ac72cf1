namespace Search.Querying.Variants;

/// <summary>What searches for two spellings find of each other's articles (see <see cref="VariantCoverage"/>).</summary>
/// <param name="First">One spelling.</param>
/// <param name="Second">The other.</param>
/// <param name="UsingFirst">Articles that use the first.</param>
/// <param name="UsingSecond">Articles that use the second.</param>
/// <param name="UsingEither">Articles that use either.</param>
/// <param name="FirstFindsOfEither">Share of the articles using either that a search for the first finds.</param>
/// <param name="SecondFindsOfEither">The same for the second.</param>
/// <param name="FirstFindsOfOnlySecond">Share of the articles using the second and not the first that a search for the first finds.</param>
/// <param name="SecondFindsOfOnlyFirst">The same the other way.</param>
/// <param name="FirstFindsOfOnlySecondWithoutVariants">What the search for the first finds of them without name variants.</param>
/// <param name="SecondFindsOfOnlyFirstWithoutVariants">The same the other way.</param>
public sealed record VariantPairFigures(
    string First,
    string Second,
    int UsingFirst,
    int UsingSecond,
    int UsingEither,
    double FirstFindsOfEither,
    double SecondFindsOfEither,
    double FirstFindsOfOnlySecond,
    double SecondFindsOfOnlyFirst,
    double FirstFindsOfOnlySecondWithoutVariants,
    double SecondFindsOfOnlyFirstWithoutVariants)
{
    /// <summary>The least of the two searches' shares of the articles using either: one name is found whatever the spelling when it is high.</summary>
    public double Coverage => Math.Min(FirstFindsOfEither, SecondFindsOfEither);

    /// <summary>How much more of the other word's own articles either search finds because of the name variants: two words are merged when it is above 0.</summary>
    public double Merged => Math.Max(
        FirstFindsOfOnlySecond - FirstFindsOfOnlySecondWithoutVariants,
        SecondFindsOfOnlyFirst - SecondFindsOfOnlyFirstWithoutVariants);
}
