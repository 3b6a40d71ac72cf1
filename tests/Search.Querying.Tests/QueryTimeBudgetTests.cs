using Lucene.Net.Util;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>#7: a search that runs past its time budget stops collecting and says so, instead of running on.</summary>
public sealed class QueryTimeBudgetTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public QueryTimeBudgetTests()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void ASearchPastItsBudgetStopsAndIsFlagged()
    {
        // A clock that jumps 10 s at every reading: the first document collected is already past a 2 s budget.
        using var searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan)
        {
            QueryTimeBudget = TimeSpan.FromSeconds(2),
            BudgetClock = new JumpingClock(10_000),
        });

        var page = searcher.Search(new SearchRequest("النفط"));

        Assert.True(page.TimedOut);
        Assert.Empty(page.Hits);
    }

    [Fact]
    public void ASearchWithinItsBudgetIsComplete()
    {
        using var searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan)
        {
            BudgetClock = new JumpingClock(0),
        });

        var page = searcher.Search(new SearchRequest("النفط"));

        Assert.False(page.TimedOut);
        Assert.NotEmpty(page.Hits);
    }

    [Fact]
    public void TheDefaultBudgetDoesNotCutOrdinarySearches()
    {
        using var searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan));

        var page = searcher.Search(new SearchRequest("أسعار النفط"));

        Assert.False(page.TimedOut);
        Assert.NotEmpty(page.Hits);
    }

    private sealed class JumpingClock(long step) : Counter
    {
        private long _now;

        public override long Value => Interlocked.Add(ref _now, step);

        public override long AddAndGet(long delta) => Interlocked.Add(ref _now, delta);
    }
}
