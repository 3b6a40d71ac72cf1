namespace Search.Querying;

/// <summary>Hits, misses and evictions of the result caches of one <see cref="NewsSearcher"/>, across the readers it serves in turn.</summary>
internal sealed class ResultCacheCounters
{
    private long _hits;
    private long _misses;
    private long _evictions;

    public void Hit() => Interlocked.Increment(ref _hits);

    public void Miss() => Interlocked.Increment(ref _misses);

    public void Evicted() => Interlocked.Increment(ref _evictions);

    public ResultCacheStatistics Snapshot(int capacity, int entries) =>
        new(capacity, entries, Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _evictions));
}
