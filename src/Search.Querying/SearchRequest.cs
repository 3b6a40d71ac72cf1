namespace Search.Querying;

/// <summary>One search as the service understands it, whatever host it came from.</summary>
/// <remarks>
/// Filters combine like a shop's sidebar: several values of one facet are alternatives (OR), different facets and the
/// date range must all hold (AND). Facet counts of one facet ignore that facet's own selection (see <see cref="SearchFacets"/>).
/// </remarks>
/// <param name="Query">Search-box text; empty lists every article (newest first) within the filters.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Hits per page.</param>
/// <param name="Categories">Categories to keep (any of them), or null/empty for all.</param>
/// <param name="Sources">Sources to keep (any of them), or null/empty for all.</param>
/// <param name="From">Earliest publication instant, inclusive.</param>
/// <param name="To">Latest publication instant, inclusive (see <see cref="DateBounds.TryParseTo"/> for whole days).</param>
/// <param name="Sort">Order of hits.</param>
public sealed record SearchRequest(
    string? Query,
    int Page = 1,
    int Size = 10,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? Sources = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    SearchSort Sort = SearchSort.Relevance)
{
    /// <summary>Publication months to keep (<c>yyyy-MM</c>, UTC; any of them), or null/empty for all.</summary>
    public IReadOnlyList<string>? Months { get; init; }

    /// <summary>
    /// Half-life in days of the recency boost for relevance ranking, or null for none: an article's score is multiplied by
    /// 1 + 2^(−age/half-life), age counted from the newest article in the index.
    /// </summary>
    public double? RecencyHalfLifeDays { get; init; }

    /// <summary>Whether to look for a did-you-mean correction and retry a query without results with typo tolerance (default on).</summary>
    public bool Correct { get; init; } = true;

    /// <summary>
    /// Whether to show one hit per story (#21, default on): copies of an article (the same story filed twice, the same wire
    /// copy at several outlets) fold into the best-ranked one, which lists them. Off, every matching article is a hit.
    /// </summary>
    public bool Collapse { get; init; } = true;
}
