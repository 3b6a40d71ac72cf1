using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /search</c>.</summary>
public sealed record SearchResponse(
    string Query,
    int Total,
    double TookMs,
    int Page,
    int Size,
    IReadOnlyList<SearchHitResponse> Hits,
    FacetsResponse Facets)
{
    public static SearchResponse From(SearchPage page) => new(
        page.Query,
        page.Total,
        page.TookMs,
        page.Page,
        page.Size,
        page.Hits.Select(SearchHitResponse.From).ToList(),
        new FacetsResponse(
            page.Facets.Category.Select(FacetValueResponse.From).ToList(),
            page.Facets.Source.Select(FacetValueResponse.From).ToList()));
}
