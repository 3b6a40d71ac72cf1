namespace Search.Api.Contracts;

/// <summary>Counts per category and per source over all matching articles, by count then value.</summary>
public sealed record FacetsResponse(IReadOnlyList<FacetValueResponse> Category, IReadOnlyList<FacetValueResponse> Source);
