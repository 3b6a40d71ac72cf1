using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Querying;

/// <summary>The searcher of one index reader, carrying that reader's <see cref="SearchResultCache"/> (#6).</summary>
/// <remarks>
/// The SearcherManager makes one searcher per reader it opens (the first commit, then each refresh that finds a new
/// one), so the cache lives exactly as long as its reader is served or leased: a page can only be found through the
/// searcher of the reader it was computed on, and when a refresh or a reindex replaces the reader, the old searcher,
/// its cache and its pages become garbage as soon as the last lease on it is returned. Nothing is invalidated by hand,
/// and nothing outlives its reader.
/// </remarks>
internal sealed class ResultCachingSearcher : IndexSearcher
{
    public ResultCachingSearcher(IndexReader reader, Similarity similarity, SearchResultCache? results)
        : base(reader)
    {
        Similarity = similarity;
        Results = results;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CollectionStatistics> _statistics = new(StringComparer.Ordinal);

    /// <summary>This reader's terms-dictionary lookups, kept across its searches.</summary>
    public Scoring.TermStateCache TermStates { get; } = new();

    /// <summary>The cache of this reader's result pages, or null when caching is off.</summary>
    public SearchResultCache? Results { get; }

    /// <summary>A field's statistics, computed once per reader: Lucene sums them over the segments for every weight of every search.</summary>
    public override CollectionStatistics CollectionStatistics(string field) =>
        _statistics.GetOrAdd(field, static (name, searcher) => searcher.BaseStatistics(name), this);

    private CollectionStatistics BaseStatistics(string field) => base.CollectionStatistics(field);
}
