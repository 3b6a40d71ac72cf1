namespace Search.Querying;

/// <summary>What the search-result cache holds and how it has fared since the searcher opened (#6).</summary>
/// <param name="Capacity">Pages of up to 10 hits it may hold (<see cref="NewsSearcherOptions.ResultCacheEntries"/>); 0 when it is off.</param>
/// <param name="Entries">Pages held for the index reader being served now (a commit or a reindex starts from none).</param>
/// <param name="Hits">Searches answered from the cache.</param>
/// <param name="Misses">Searches the cache could not answer (and that ran); none are counted when it is off.</param>
/// <param name="Evictions">Pages dropped to make room (not counting those dropped with a replaced reader).</param>
public sealed record ResultCacheStatistics(int Capacity, int Entries, long Hits, long Misses, long Evictions)
{
    /// <summary>Hits among the searches that looked, or 0 before any.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
