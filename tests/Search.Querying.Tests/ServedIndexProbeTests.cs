using Search.Core.Schema;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>#22: the figures monitoring reads at every scrape follow commits and reindexes, and say nothing without an index.</summary>
public sealed class ServedIndexProbeTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static NewsArticle Article(string id) => new(id, "الزيتون في الجبال", Title: "عنوان");

    private NewsSearcher Open() => new(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan));

    [Fact]
    public void ReadsTheServedGenerationItsDocumentsSegmentsAndCommitTime()
    {
        var generation = TestIndex.CreateGeneration(_root.Path, [Article("a1"), Article("a2")]);
        using var searcher = Open();

        var figures = new ServedIndexProbe(searcher).TryRead();

        Assert.NotNull(figures);
        Assert.Equal(generation, figures.Generation);
        Assert.Equal(1, figures.GenerationNumber);
        Assert.Equal(2, figures.Documents);
        Assert.Equal(1, figures.Segments);
        Assert.Equal(File.GetLastWriteTimeUtc(Directory.GetFiles(generation, "segments_*").Single()), figures.LastCommit?.UtcDateTime);
    }

    [Fact]
    public void FollowsANewCommitAndANewGeneration()
    {
        var first = TestIndex.CreateGeneration(_root.Path, [Article("a1")]);
        using var searcher = Open();
        var probe = new ServedIndexProbe(searcher);
        var before = probe.TryRead();

        TestIndex.Commit(first, [Article("a2")]);
        searcher.Refresh();
        var committed = probe.TryRead();
        TestIndex.CreateGeneration(_root.Path, [Article("b1"), Article("b2"), Article("b3")]);
        searcher.Refresh();
        var reindexed = probe.TryRead();

        Assert.Equal((1, 1, 1), (before!.GenerationNumber, before.Documents, before.Segments));
        Assert.Equal((1, 2, 2), (committed!.GenerationNumber, committed.Documents, committed.Segments));
        Assert.Equal((2, 3, 1), (reindexed!.GenerationNumber, reindexed.Documents, reindexed.Segments));
    }

    [Fact]
    public void SaysNothingWithoutAnIndexOrAfterTheSearcherIsClosed()
    {
        var empty = Open();
        var missing = new ServedIndexProbe(empty).TryRead();
        empty.Dispose();
        TestIndex.CreateGeneration(_root.Path, [Article("a1")]);
        var closed = Open();
        var probe = new ServedIndexProbe(closed);
        closed.Dispose();

        Assert.Null(missing);
        Assert.Null(probe.TryRead());
    }
}
