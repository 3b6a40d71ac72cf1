namespace Search.Querying;

/// <summary>Counts per category and per source over all matching articles (not just the page), by count then value.</summary>
public sealed record SearchFacets(IReadOnlyList<FacetValue> Category, IReadOnlyList<FacetValue> Source)
{
    /// <summary>No counts.</summary>
    public static SearchFacets Empty { get; } = new([], []);
}
