namespace Search.Querying;

/// <summary>Order of search hits.</summary>
public enum SearchSort
{
    /// <summary>Best match first (more query words first, then BM25), then newest.</summary>
    Relevance,

    /// <summary>Newest first, then best match; undated articles last.</summary>
    Date,
}
