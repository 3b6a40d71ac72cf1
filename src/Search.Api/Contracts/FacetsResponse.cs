namespace Search.Api.Contracts;

/// <summary>
/// Counts per category, source and publication month (<c>yyyy-MM</c>, UTC) over all matching articles, by count then
/// value. Each facet is counted under the query and the other facets' filters, not its own, so a reader can widen a choice.
/// </summary>
public sealed record FacetsResponse(
    IReadOnlyList<FacetValueResponse> Category,
    IReadOnlyList<FacetValueResponse> Source,
    IReadOnlyList<FacetValueResponse> Month);
