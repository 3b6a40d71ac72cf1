using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>The search-result cache in <c>GET /health</c>: its size and how it has fared since the start.</summary>
/// <param name="Capacity">Pages of up to ten hits it may hold; 0 when it is off.</param>
/// <param name="Entries">Pages held for the index commit being served (each commit starts from none).</param>
/// <param name="Hits">Searches answered from the cache.</param>
/// <param name="Misses">Searches that ran because the cache had no page for them.</param>
/// <param name="Evictions">Pages dropped to make room.</param>
public sealed record ResultCacheResponse(int Capacity, int Entries, long Hits, long Misses, long Evictions)
{
    public static ResultCacheResponse From(ResultCacheStatistics statistics) => new(
        statistics.Capacity, statistics.Entries, statistics.Hits, statistics.Misses, statistics.Evictions);
}
