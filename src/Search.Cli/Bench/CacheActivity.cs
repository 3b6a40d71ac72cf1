using System.Text.Json;

namespace Search.Cli.Bench;

/// <summary>
/// What the served search-result cache did during a load run (#6), from the server's <c>/health</c> counters before and
/// after: its capacity (0 when off), and the searches answered from it and not.
/// </summary>
internal sealed record CacheActivity(int Capacity, long Hits, long Misses)
{
    /// <summary>Hits among the searches that looked, or 0 when none did.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);

    /// <summary>The server's counters now.</summary>
    public static async Task<CacheActivity> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var health = JsonDocument.Parse(await client.GetStringAsync("/health", cancellationToken));
        var cache = health.RootElement.GetProperty("resultCache");
        return new CacheActivity(
            cache.GetProperty("capacity").GetInt32(), cache.GetProperty("hits").GetInt64(), cache.GetProperty("misses").GetInt64());
    }

    /// <summary>What happened between <paramref name="before"/> and this reading.</summary>
    public CacheActivity Since(CacheActivity before) => new(Capacity, Hits - before.Hits, Misses - before.Misses);
}
