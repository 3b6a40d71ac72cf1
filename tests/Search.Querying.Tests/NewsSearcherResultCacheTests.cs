using Lucene.Net.Util;
using Search.Core.Schema;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>#6: NewsSearcher answers a repeated search from its result cache, and never from an older reader.</summary>
public sealed class NewsSearcherResultCacheTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static NewsArticle Article(string id, string body) => new(id, body, Title: "عنوان", Category: "اختبار");

    private NewsSearcher Open(int entries = NewsSearcherOptions.DefaultResultCacheEntries) =>
        new(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan) { ResultCacheEntries = entries });

    private static void AssertSameAnswer(SearchPage expected, SearchPage actual)
    {
        Assert.Equal(expected.Query, actual.Query);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Page, actual.Page);
        Assert.Equal(expected.Size, actual.Size);
        Assert.Equal(expected.Hits, actual.Hits);
        Assert.Equal(expected.Facets.Category, actual.Facets.Category);
        Assert.Equal(expected.Facets.Source, actual.Facets.Source);
        Assert.Equal(expected.Facets.Month, actual.Facets.Month);
        Assert.Equal(expected.DidYouMean, actual.DidYouMean);
        Assert.Equal(expected.Corrected, actual.Corrected);
        Assert.Equal(expected.SearchedQuery, actual.SearchedQuery);
        Assert.Equal(expected.TimedOut, actual.TimedOut);
    }

    [Fact]
    public void AnswersARepeatedSearchFromTheCacheWithTheSameHits()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);
        using var searcher = Open();
        using var uncached = Open(entries: 0);
        var request = new SearchRequest("أسعار النفط", Size: 2, Categories: ["اقتصاد"]);

        var first = searcher.Search(request);
        var second = searcher.Search(request);

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.NotEmpty(second.Hits);
        AssertSameAnswer(first, second);
        AssertSameAnswer(uncached.Search(request), second);
        Assert.InRange(second.TookMs, 0, 1_000);
        Assert.Equal(new ResultCacheStatistics(NewsSearcherOptions.DefaultResultCacheEntries, 1, 1, 1, 0), searcher.GetResultCacheStatistics());
    }

    [Fact]
    public void AnswersASearchWithTheFacetValuesInAnotherOrderFromTheCache()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);
        using var searcher = Open();

        var first = searcher.Search(new SearchRequest("النفط", Sources: ["الجزيرة", "العربية"]));
        var reordered = searcher.Search(new SearchRequest("النفط", Sources: ["العربية", "الجزيرة"]));

        Assert.True(reordered.Cached);
        AssertSameAnswer(first, reordered);
    }

    [Fact]
    public void SearchesAgainForAnotherPageSizeSortOrFilter()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);
        using var searcher = Open();
        var request = new SearchRequest("النفط", Size: 2);
        searcher.Search(request);

        var others = new[]
        {
            request with { Page = 2 },
            request with { Size = 3 },
            request with { Sort = SearchSort.Date },
            request with { Categories = ["اقتصاد"] },
            request with { RecencyHalfLifeDays = 30 },
            request with { Correct = false },
        }.Select(searcher.Search).ToList();

        Assert.All(others, page => Assert.False(page.Cached));
        Assert.True(searcher.Search(request).Cached);
    }

    [Fact]
    public void KeepsAnotherRankingConfigurationsPagesApart()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);
        using var searcher = Open();
        // Same analysis profile as the served configuration (a ranking must match the index's), other weights.
        var flat = RankingWeights.Default with { Name = "flat", Title = 1, TitleExact = 1, MatchedWordBonus = 0, Coord = 0 };
        var request = new SearchRequest("أسعار النفط الخليج") { Correct = false };
        var served = searcher.Search(request);

        var byFlat = searcher.Search(request, flat);
        var byFlatAgain = searcher.Search(request, flat);

        Assert.False(byFlat.Cached);
        Assert.True(byFlatAgain.Cached);
        Assert.Equal(byFlat.Hits, byFlatAgain.Hits);
        Assert.NotEqual(served.Hits.Select(h => h.Score), byFlat.Hits.Select(h => h.Score));
        Assert.True(searcher.Search(request, searcher.Parser.Weights).Cached);
    }

    [Fact]
    public void SeesANewCommitAfterRefreshInsteadOfTheCachedPage()
    {
        var generation = TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون في الجبال")]);
        using var searcher = Open();
        var request = new SearchRequest("الزيتون");
        searcher.Search(request);
        var cached = searcher.Search(request);

        TestIndex.Commit(generation, [Article("a2", "الزيتون في السهول")]);
        searcher.Refresh();
        var after = searcher.Search(request);

        Assert.True(cached.Cached);
        Assert.Equal(1, cached.Total);
        Assert.False(after.Cached);
        Assert.Equal(2, after.Total);
        Assert.Equal(["a1", "a2"], after.Hits.Select(h => h.Id).Order());
        Assert.Equal(1, searcher.GetResultCacheStatistics().Entries);
    }

    [Fact]
    public void SeesASwitchedGenerationInsteadOfTheCachedPage()
    {
        TestIndex.CreateGeneration(_root.Path, [Article("old", "القمح")]);
        using var searcher = Open();
        var request = new SearchRequest("القمح");
        searcher.Search(request);
        Assert.True(searcher.Search(request).Cached);

        TestIndex.CreateGeneration(_root.Path, [Article("new", "القمح")]);
        searcher.Refresh();
        var after = searcher.Search(request);

        Assert.False(after.Cached);
        Assert.Equal("new", after.Hits.Single().Id);
    }

    [Fact]
    public void StartsEmptyForEachNewReader()
    {
        var generation = TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون")]);
        using var searcher = Open();
        searcher.Search(new SearchRequest("الزيتون"));
        searcher.Search(new SearchRequest("عنوان"));
        var before = searcher.GetResultCacheStatistics();

        TestIndex.Commit(generation, [Article("a2", "القمح")]);
        searcher.Refresh();

        Assert.Equal(2, before.Entries);
        Assert.Equal(0, searcher.GetResultCacheStatistics().Entries);
    }

    [Fact]
    public void NeverKeepsAPageThatRanOutOfItsTimeBudget()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);

        // A clock that jumps 10 s at every reading: every search is past a 2 s budget (see QueryTimeBudgetTests).
        using var searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan)
        {
            QueryTimeBudget = TimeSpan.FromSeconds(2),
            BudgetClock = new JumpingClock(10_000),
        });
        var request = new SearchRequest("النفط");

        var first = searcher.Search(request);
        var second = searcher.Search(request);

        Assert.True(first.TimedOut);
        Assert.True(second.TimedOut);
        Assert.False(second.Cached);
        Assert.Equal(0, searcher.GetResultCacheStatistics().Entries);
        Assert.Equal(2, searcher.GetResultCacheStatistics().Misses);
    }

    [Fact]
    public void NeverAnswersFromTheCacheWhenItIsOff()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);
        using var searcher = Open(entries: 0);
        var request = new SearchRequest("النفط");

        var pages = Enumerable.Range(0, 3).Select(_ => searcher.Search(request)).ToList();

        Assert.All(pages, page => Assert.False(page.Cached));
        Assert.Equal(new ResultCacheStatistics(0, 0, 0, 0, 0), searcher.GetResultCacheStatistics());
    }

    [Fact]
    public void KeepsNoMorePagesThanItsEntries()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);
        using var searcher = Open(entries: 3);

        foreach (var word in new[] { "النفط", "الخليج", "نقابة", "المعلمين", "أسعار", "الأسبوع" })
        {
            searcher.Search(new SearchRequest(word) { Correct = false });
        }

        var statistics = searcher.GetResultCacheStatistics();
        Assert.Equal(3, statistics.Entries);
        Assert.Equal(3, statistics.Evictions);
    }

    [Fact]
    public void RefusesANegativeNumberOfEntries()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);

        Assert.Throws<ArgumentOutOfRangeException>(() => Open(entries: -1));
    }

    [Fact]
    public async Task ServesConcurrentSearchesWhileCommitsArrive()
    {
        var generation = TestIndex.CreateGeneration(_root.Path, [Article("a0", "الزيتون")]);
        using var searcher = Open();
        using var stop = new CancellationTokenSource();
        var shrank = 0;
        var searches = 0;

        // Totals only grow with the commits: a total below one seen earlier would be a page of an older reader.
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var seen = 0;
            while (!stop.IsCancellationRequested)
            {
                var total = searcher.Search(new SearchRequest("الزيتون")).Total;
                Interlocked.Increment(ref searches);
                if (total < seen)
                {
                    Interlocked.Increment(ref shrank);
                }

                seen = Math.Max(seen, total);
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        for (var i = 1; i <= 5; i++)
        {
            // Some searches on each reader first, so that the cache of each is used while the next commit arrives.
            var target = Volatile.Read(ref searches) + 40;
            SpinWait.SpinUntil(() => Volatile.Read(ref searches) >= target, TimeSpan.FromSeconds(10));
            TestIndex.Commit(generation, [Article($"a{i}", "الزيتون")]);
            searcher.Refresh();
        }

        var last = searcher.Search(new SearchRequest("الزيتون"));
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(0, shrank);
        Assert.Equal(6, last.Total);
        Assert.True(searcher.GetResultCacheStatistics().Hits > 0);
    }

    private sealed class JumpingClock(long step) : Counter
    {
        private long _now;

        public override long Value => Interlocked.Add(ref _now, step);

        public override long AddAndGet(long delta) => Interlocked.Add(ref _now, delta);
    }
}
