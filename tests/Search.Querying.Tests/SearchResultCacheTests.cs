namespace Search.Querying.Tests;

/// <summary>#6: the bounded result cache of one reader: hits, second-chance eviction, weights, concurrency.</summary>
public sealed class SearchResultCacheTests
{
    private readonly ResultCacheCounters _counters = new();

    private static SearchResultKey Key(string query) => SearchResultKey.For(RankingWeights.Default, new SearchRequest(query));

    private static SearchPage Page(string query, int hits = 10) => new(
        query,
        hits,
        1.5,
        1,
        Math.Max(hits, 1),
        Enumerable.Range(0, hits).Select(i => new SearchHit($"{query}-{i}", "عنوان", "نص", null, null, null, null, 1f)).ToList(),
        SearchFacets.Empty);

    private SearchResultCache Cache(int capacity) => new(capacity, _counters);

    [Fact]
    public void ReturnsTheKeptPageForAnEqualKey()
    {
        var cache = Cache(4);
        var page = Page("النفط");
        cache.Add(Key("النفط"), page);

        var found = cache.TryGet(Key("النفط"), out var kept);

        Assert.True(found);
        Assert.Same(page, kept);
        Assert.Equal(new ResultCacheStatistics(4, 1, 1, 0, 0), _counters.Snapshot(4, cache.Count));
    }

    [Fact]
    public void MissesAnotherKeyAndCountsIt()
    {
        var cache = Cache(4);
        cache.Add(Key("النفط"), Page("النفط"));

        var found = cache.TryGet(Key("الذهب"), out var kept);

        Assert.False(found);
        Assert.Null(kept);
        Assert.Equal(1, _counters.Snapshot(4, cache.Count).Misses);
    }

    [Fact]
    public void StaysWithinItsCapacityByEvicting()
    {
        var cache = Cache(8);

        for (var i = 0; i < 100; i++)
        {
            cache.Add(Key($"q{i}"), Page($"q{i}"));
        }

        Assert.Equal(8, cache.Count);
        Assert.Equal(92, _counters.Snapshot(8, cache.Count).Evictions);
        Assert.True(cache.TryGet(Key("q99"), out _));
        Assert.False(cache.TryGet(Key("q0"), out _));
    }

    [Fact]
    public void GivesAPageReadSinceTheHandLastPassedASecondChance()
    {
        var cache = Cache(4);
        foreach (var query in new[] { "q0", "q1", "q2", "q3" })
        {
            cache.Add(Key(query), Page(query));
        }

        Assert.True(cache.TryGet(Key("q0"), out _));
        cache.Add(Key("q4"), Page("q4"));

        // The oldest page, q0, was read: it goes round again, and q1, never read, leaves in its place.
        Assert.True(cache.TryGet(Key("q0"), out _));
        Assert.False(cache.TryGet(Key("q1"), out _));
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void WeighsALargePageOncePerTenHits()
    {
        var cache = Cache(10);
        for (var i = 0; i < 10; i++)
        {
            cache.Add(Key($"q{i}"), Page($"q{i}"));
        }

        cache.Add(Key("large"), Page("large", hits: 95));

        // 95 hits weigh 10 slots: every ordinary page had to go.
        Assert.Equal(10, SearchResultCache.WeightOf(Page("large", hits: 95)));
        Assert.Equal(1, SearchResultCache.WeightOf(Page("empty", hits: 0)));
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(Key("large"), out _));
    }

    [Fact]
    public void DoesNotKeepAPageHeavierThanTheWholeCache()
    {
        var cache = Cache(5);
        cache.Add(Key("small"), Page("small"));

        cache.Add(Key("large"), Page("large", hits: 100));

        Assert.False(cache.TryGet(Key("large"), out _));
        Assert.True(cache.TryGet(Key("small"), out _));
    }

    [Fact]
    public void KeepsTheFirstPageWhenTwoMissesOfOneKeyBothAdd()
    {
        var cache = Cache(4);
        var first = Page("النفط");

        cache.Add(Key("النفط"), first);
        cache.Add(Key("النفط"), Page("النفط"));

        Assert.True(cache.TryGet(Key("النفط"), out var kept));
        Assert.Same(first, kept);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void StaysBoundedAndConsistentUnderConcurrentReadsAndAdds()
    {
        var cache = Cache(32);
        var wrong = 0;
        var lookups = 0;

        Parallel.For(0, 8, worker =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 20_000; i++)
            {
                // A skewed mix: a few popular queries and a long tail, as a search box sees.
                var query = $"q{(random.Next(4) == 0 ? random.Next(500) : random.Next(8))}";
                Interlocked.Increment(ref lookups);
                if (cache.TryGet(Key(query), out var kept))
                {
                    if (kept.Query != query)
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
                else
                {
                    cache.Add(Key(query), Page(query));
                }
            }
        });

        var statistics = _counters.Snapshot(32, cache.Count);
        Assert.Equal(0, wrong);
        Assert.InRange(cache.Count, 1, 32);
        Assert.Equal(lookups, statistics.Hits + statistics.Misses);
        Assert.True(statistics.Hits > statistics.Misses, statistics.ToString());
        Assert.True(statistics.Evictions > 0, statistics.ToString());
    }

    [Fact]
    public void RefusesACapacityOfZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cache(0));
    }
}
