using Lucene.Net.Search;

namespace Search.Querying;

/// <summary>A searcher borrowed from <see cref="NewsSearcher"/>; dispose it to give it back.</summary>
/// <remarks>
/// While a lease is held, its reader and directory stay open even if a refresh or a reindex switch replaces them,
/// so a search never sees a half-closed index. Hold it for one operation only.
/// </remarks>
public sealed class SearcherLease : IDisposable
{
    private readonly SearcherGeneration _generation;
    private int _disposed;

    internal SearcherLease(SearcherGeneration generation, IndexSearcher searcher)
    {
        _generation = generation;
        Searcher = searcher;
    }

    /// <summary>The searcher (BM25 similarity set).</summary>
    public IndexSearcher Searcher { get; }

    /// <summary>Full path of the generation folder the searcher reads.</summary>
    public string Generation => _generation.Path;

    /// <summary>Returns the searcher; idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _generation.Manager.Release(Searcher);
        _generation.Release();
    }
}
