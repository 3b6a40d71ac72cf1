namespace Search.Querying;

/// <summary>Order of search hits; ties always fall back to newest first, then index order, so pages are stable.</summary>
public enum SearchSort
{
    /// <summary>Best match first (more query words first, then BM25, times the optional recency boost), then newest.</summary>
    Relevance,

    /// <summary>Newest first, then best match; undated articles last. Also called <c>newest</c>.</summary>
    Date,
}
