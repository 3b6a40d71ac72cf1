using System.Diagnostics.Metrics;
using Search.Querying;

namespace Search.Api.Observability;

/// <summary>
/// Observable instruments read at each scrape, never on a search: the served index (documents, segments, generation,
/// age of its commit) and the result cache (hits, misses, evictions, entries, capacity).
/// </summary>
/// <remarks>
/// The index figures come from <see cref="ServedIndexProbe"/> (a lease and counts, kept per reader), not from
/// <see cref="NewsSearcher.GetStatistics"/>, which counts facets over every document. When no index is served, the index
/// instruments report nothing rather than zeros that would look like an empty index.
/// </remarks>
public sealed class IndexMetrics
{
    public IndexMetrics(IMeterFactory meters, NewsSearcher searcher, TimeProvider clock)
    {
        var meter = meters.Create(SearchMetrics.MeterName);
        var probe = new ServedIndexProbe(searcher);

        meter.CreateObservableUpDownCounter("search.index.documents", () => Observe(probe.TryRead(), index => (long?)index.Documents),
            "{document}", "Live documents in the served index (as /health's documentCount).");
        meter.CreateObservableUpDownCounter("search.index.segments", () => Observe(probe.TryRead(), index => (long?)index.Segments),
            "{segment}", "Segments of the served commit.");
        meter.CreateObservableGauge("search.index.generation", () => Observe(probe.TryRead(), index => (long?)index.GenerationNumber),
            null, "Number of the served generation folder (gen-000042 is 42; as /health's generation): it grows with every reindex.");
        meter.CreateObservableGauge("search.index.commit.age",
            () => Observe(probe.TryRead(), index => index.LastCommit is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : (double?)null),
            "s", "Time since the served commit was written.");

        meter.CreateObservableCounter("search.result_cache.hits", () => Cache(searcher, cache => cache.Hits),
            "{search}", "Searches answered from the result cache.");
        meter.CreateObservableCounter("search.result_cache.misses", () => Cache(searcher, cache => cache.Misses),
            "{search}", "Searches the result cache could not answer, and that ran.");
        meter.CreateObservableCounter("search.result_cache.evictions", () => Cache(searcher, cache => cache.Evictions),
            "{page}", "Pages dropped from the result cache to make room.");
        meter.CreateObservableUpDownCounter("search.result_cache.entries", () => Cache(searcher, cache => (long)cache.Entries),
            "{page}", "Pages of up to ten hits held for the served reader.");
        meter.CreateObservableUpDownCounter("search.result_cache.limit", () => Cache(searcher, cache => (long)cache.Capacity),
            "{page}", "Pages of up to ten hits the result cache may hold (0: off).");
    }

    // After shutdown has closed the searcher, a last scrape gets nothing rather than an exception.
    private static IEnumerable<Measurement<long>> Cache(NewsSearcher searcher, Func<ResultCacheStatistics, long> value)
    {
        ResultCacheStatistics statistics;
        try
        {
            statistics = searcher.GetResultCacheStatistics();
        }
        catch (ObjectDisposedException)
        {
            yield break;
        }

        yield return new Measurement<long>(value(statistics));
    }

    private static IEnumerable<Measurement<T>> Observe<T>(ServedIndex? index, Func<ServedIndex, T?> value)
        where T : struct
    {
        if (index is not null && value(index) is { } measured)
        {
            yield return new Measurement<T>(measured);
        }
    }
}
