namespace Search.Querying;

/// <summary>One page of search results with the total and the facet counts of the whole result set.</summary>
/// <param name="Query">The query text as received.</param>
/// <param name="Total">Exact number of matching articles.</param>
/// <param name="TookMs">Time spent searching, in milliseconds.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Requested page size.</param>
/// <param name="Hits">The hits of this page.</param>
/// <param name="Facets">Counts over all matching articles.</param>
public sealed record SearchPage(
    string Query,
    int Total,
    double TookMs,
    int Page,
    int Size,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets);
