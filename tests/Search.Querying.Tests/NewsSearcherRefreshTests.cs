using System.Diagnostics;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

public sealed class NewsSearcherRefreshTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static NewsArticle Article(string id, string body) => new(id, body, Title: "عنوان", Category: "اختبار");

    private NewsSearcher Open(TimeSpan? interval = null) =>
        new(new NewsSearcherOptions(_root.Path, interval ?? Timeout.InfiniteTimeSpan));

    // Generous on purpose: the refresh timer ticks every 100 ms, but on a loaded CI machine its thread-pool callback can
    // wait seconds for a thread (a 5 s limit failed once so). This checks that the refresh happens on its own, not how fast.
    private static void WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The condition was not met within 30 s.");
            Thread.Sleep(25);
        }
    }

    [Fact]
    public void SeesNewCommitAfterRefresh()
    {
        var generation = TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون في الجبال")]);
        using var searcher = Open();

        TestIndex.Commit(generation, [Article("a2", "الزيتون في السهول")]);
        var before = searcher.Search(new SearchRequest("الزيتون")).Total;
        searcher.Refresh();
        var after = searcher.Search(new SearchRequest("الزيتون")).Total;

        Assert.Equal(1, before);
        Assert.Equal(2, after);
        Assert.Equal(2, searcher.Status.DocumentCount);
    }

    [Fact]
    public void SeesNewCommitOnItsOwn()
    {
        var generation = TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون في الجبال")]);
        using var searcher = Open(TimeSpan.FromMilliseconds(100));

        TestIndex.Commit(generation, [Article("a2", "الزيتون في السهول")]);

        WaitFor(() => searcher.Search(new SearchRequest("الزيتون")).Total == 2);
    }

    [Fact]
    public void ServesSwitchedGenerationAndKeepsLeaseOnOldOneUsable()
    {
        var first = TestIndex.CreateGeneration(_root.Path, [Article("old", "القمح")]);
        using var searcher = Open();
        using var lease = searcher.Acquire();

        var second = TestIndex.CreateGeneration(_root.Path, [Article("new", "القمح")]);
        searcher.Refresh();

        Assert.Equal(second, searcher.Status.Generation);
        Assert.Equal("new", searcher.Search(new SearchRequest("القمح")).Hits.Single().Id);
        Assert.Equal(first, lease.Generation);
        Assert.Equal(1, lease.Searcher.IndexReader.NumDocs);
        Assert.Equal("old", lease.Searcher.Doc(0).Get(NewsFields.Id));
    }

    [Fact]
    public void GoesFromMissingToReadyWhenIndexAppears()
    {
        using var searcher = Open(TimeSpan.FromMilliseconds(100));
        var missing = searcher.Status;
        var error = Assert.Throws<IndexUnavailableException>(() => searcher.Search(new SearchRequest("x")));

        TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون")]);

        Assert.Equal(IndexState.Missing, missing.State);
        Assert.Equal(IndexState.Missing, error.Status.State);
        WaitFor(() => searcher.Status.IsReady);
        Assert.Equal(1, searcher.Search(new SearchRequest("الزيتون")).Total);
    }

    [Fact]
    public void IsMissingWhenGenerationHasNoCommitYet()
    {
        var layout = new IndexLayout(_root.Path);
        layout.Switch(layout.CreateGeneration());

        using var searcher = Open();

        Assert.Equal(IndexState.Missing, searcher.Status.State);
    }

    [Fact]
    public void RefusesIndexOfAnotherSchemaVersion()
    {
        var other = new Dictionary<string, string> { [IndexVersion.SchemaKey] = (IndexVersion.Schema + 1).ToString() };
        TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون")], other);

        using var searcher = Open();

        Assert.Equal(IndexState.SchemaMismatch, searcher.Status.State);
        Assert.Equal(IndexVersion.Schema + 1, searcher.Status.SchemaVersion);
        Assert.Contains("reindex", searcher.Status.Message, StringComparison.Ordinal);
        Assert.Throws<IndexUnavailableException>(() => searcher.GetDocument("a1"));
    }

    [Fact]
    public void RefusesIndexWithoutSchemaVersion()
    {
        TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون")], new Dictionary<string, string>());

        using var searcher = Open();

        Assert.Equal(IndexState.SchemaMismatch, searcher.Status.State);
        Assert.Null(searcher.Status.SchemaVersion);
    }

    [Fact]
    public void RecoversWhenMismatchedIndexIsRebuilt()
    {
        var other = new Dictionary<string, string> { [IndexVersion.SchemaKey] = "0" };
        TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون")], other);
        using var searcher = Open();

        TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون")]);
        searcher.Refresh();

        Assert.Equal(IndexState.Ready, searcher.Status.State);
    }

    [Fact]
    public async Task SearchesConcurrentlyWhileGenerationsSwitch()
    {
        TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون")]);
        using var searcher = Open();
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (searcher.Search(new SearchRequest("الزيتون")).Total != 1)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        for (var i = 0; i < 5; i++)
        {
            TestIndex.CreateGeneration(_root.Path, [Article("a1", "الزيتون")]);
            searcher.Refresh();
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.EndsWith("gen-000006", searcher.Status.Generation, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsHeadlinePhrasesOverEverySegmentAfterACommit()
    {
        static NewsArticle Headline(string id, string title) => new(id, "نص الخبر", Title: title, Category: "اقتصاد");

        // The first segment has سوق الذهب in three headlines and سوق النفط in two; the commit adds a segment with سوق
        // القمح in three and سوق النفط in two more. Only the sum over both segments' parts puts سوق النفط first (4 against
        // 3 and 3): the new segment alone would put سوق القمح first, the old dictionary سوق الذهب, and counting spellings
        // instead of headlines would tie all three (سوق النفط sorts last).
        var generation = TestIndex.CreateGeneration(_root.Path,
        [
            Headline("g1", "سوق الذهب يرتفع"),
            Headline("g2", "سوق الذهب يستقر"),
            Headline("g3", "سوق الذهب يتراجع"),
            Headline("o1", "سوق النفط ينخفض"),
            Headline("o2", "سوق النفط يتحسن"),
        ]);
        using var searcher = Open();
        string FirstPhrase() => searcher.Suggest("سوق ").Suggestions.First(s => s.Kind == SuggestionKind.Phrase).Text;

        Assert.Equal("سوق الذهب", FirstPhrase());

        TestIndex.Commit(generation,
        [
            Headline("w1", "سوق القمح يرتفع"),
            Headline("w2", "سوق القمح يستقر"),
            Headline("w3", "سوق القمح يتراجع"),
            Headline("o3", "سوق النفط يرتفع"),
            Headline("o4", "سوق النفط يستقر"),
        ]);
        searcher.Refresh();

        // The new reader's dictionary is built in the background; suggestions come from the previous one meanwhile.
        WaitFor(() => FirstPhrase() == "سوق النفط");
        using var lease = searcher.Acquire();
        Assert.Equal(2, lease.Searcher.IndexReader.Leaves.Count);
    }
}
