namespace Search.Querying;

/// <summary>One page of search results with the total and the facet counts of the whole result set.</summary>
/// <param name="Query">The query text as received.</param>
/// <param name="Total">
/// Exact number of matching articles (never capped, see <see cref="SearchLimits.MaxResultWindow"/> for paging); copies
/// count, also when <see cref="Collapsed"/> folds them into one hit.
/// </param>
/// <param name="TookMs">Time spent answering this request, in milliseconds (searching, or finding the page in the result cache).</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Requested page size.</param>
/// <param name="Hits">The hits of this page.</param>
/// <param name="Facets">Counts over all matching articles (copies included, as in <paramref name="Total"/>).</param>
public sealed record SearchPage(
    string Query,
    int Total,
    double TookMs,
    int Page,
    int Size,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets)
{
    /// <summary>A corrected query text to offer ("did you mean"), when the query looks mistyped and the correction has results; else null.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>
    /// True when the hits are not those of the query as typed (see <see cref="SearchedQuery"/>): it found almost nothing and
    /// its correction far more (#18), or nothing and a typo-tolerant retry something. <see cref="SearchRequest.Correct"/>
    /// false searches it as typed.
    /// </summary>
    public bool Corrected { get; init; }

    /// <summary>
    /// When <see cref="Corrected"/>: the query as searched, the corrected words in their most frequent spelling (for a
    /// typo-tolerant retry, which matched every spelling within each word's edit budget, the closest). Null otherwise.
    /// </summary>
    public string? SearchedQuery { get; init; }

    /// <summary>
    /// True when the search ran out of its time budget (<see cref="NewsSearcherOptions.QueryTimeBudget"/>): the hits,
    /// the total and the facet counts cover only the documents visited by then.
    /// </summary>
    public bool TimedOut { get; init; }

    /// <summary>
    /// True when the page was served from the result cache (#6): computed earlier on the same index reader, for the
    /// same request and ranking configuration, so it is the answer a search now would give. <see cref="TookMs"/> is
    /// then the time this serving took.
    /// </summary>
    public bool Cached { get; init; }

    /// <summary>True when the page carries a correction made with a stand-in (the previous reader's model) while this reader's is built: not cached.</summary>
    internal bool Provisional { get; init; }

    /// <summary>Where the search's time went, by phase (<see cref="SearchTimings.None"/> for a page from the result cache).</summary>
    public SearchTimings Timings { get; init; } = SearchTimings.None;

    /// <summary>
    /// True when the hits are one per story (<see cref="SearchRequest.Collapse"/>): each stands for its copies and lists
    /// them (<see cref="SearchHit.Copies"/>). Pages are slices of the collapsed order, so fewer than
    /// <see cref="Total"/> / size pages may hold hits.
    /// </summary>
    public bool Collapsed { get; init; }
}
