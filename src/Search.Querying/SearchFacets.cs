namespace Search.Querying;

/// <summary>Counts per category, source and publication month over all matching articles (not just the page), by count then value.</summary>
/// <remarks>
/// Multi-select counting: each facet is counted under the query and every filter except its own selection, so a reader
/// who picked one category still sees how many matches the other categories hold and can widen the choice. With no
/// facet filter the three are plain counts of the result set.
/// </remarks>
public sealed record SearchFacets(IReadOnlyList<FacetValue> Category, IReadOnlyList<FacetValue> Source)
{
    /// <summary>No counts.</summary>
    public static SearchFacets Empty { get; } = new([], []);

    /// <summary>Counts per publication month (<c>yyyy-MM</c>, UTC), by count then value.</summary>
    public IReadOnlyList<FacetValue> Month { get; init; } = [];
}
