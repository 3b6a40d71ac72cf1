using System.Text.Json.Serialization;
using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /search</c>.</summary>
/// <param name="Query">The query text as received.</param>
/// <param name="Total">Exact number of matching articles (never capped); copies of one story count, also when collapsed.</param>
/// <param name="TookMs">Time spent answering, in milliseconds (searching, or finding the page in the result cache).</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Requested page size.</param>
/// <param name="Hits">The hits of this page.</param>
/// <param name="Facets">Counts of matching articles, as total; each facet counted under the other facets' filters.</param>
/// <param name="Corrected">True when the hits are those of searchedQuery, not of the query as typed (it found almost nothing); correct=false searches as typed.</param>
/// <param name="DidYouMean">A corrected query that has results, offered when the query looks mistyped; omitted otherwise.</param>
/// <param name="SearchedQuery">When corrected: the query as searched; omitted otherwise.</param>
/// <param name="TimedOut">True when the search ran out of its time budget: hits, total and facets then cover only what was visited.</param>
/// <param name="Collapsed">True when hits are one per story (the default; collapse=false turns it off): each hit names its copies.</param>
/// <param name="Cached">True when the page came from the result cache: the same request was answered on the same index commit before.</param>
public sealed record SearchResponse(
    string Query,
    int Total,
    double TookMs,
    int Page,
    int Size,
    IReadOnlyList<SearchHitResponse> Hits,
    FacetsResponse Facets,
    bool Corrected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DidYouMean = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SearchedQuery = null,
    bool TimedOut = false,
    bool Cached = false,
    bool Collapsed = false)
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
            page.Facets.Source.Select(FacetValueResponse.From).ToList(),
            page.Facets.Month.Select(FacetValueResponse.From).ToList()),
        page.Corrected,
        page.DidYouMean,
        page.SearchedQuery,
        page.TimedOut,
        page.Cached,
        page.Collapsed);
}
