namespace Search.Querying;

/// <summary>One search as the service understands it, whatever host it came from.</summary>
/// <param name="Query">Search-box text; empty lists every article (newest first) within the filters.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Hits per page.</param>
/// <param name="Category">Exact category to keep, or null for all.</param>
/// <param name="Source">Exact source to keep, or null for all.</param>
/// <param name="From">Earliest publication instant, inclusive.</param>
/// <param name="To">Latest publication instant, inclusive (see <see cref="DateBounds.TryParseTo"/> for whole days).</param>
/// <param name="Sort">Order of hits.</param>
public sealed record SearchRequest(
    string? Query,
    int Page = 1,
    int Size = 10,
    string? Category = null,
    string? Source = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    SearchSort Sort = SearchSort.Relevance);
