namespace Search.Querying.Tests.Support;

/// <summary>One read-only index of tiny.jsonl shared by the tests of a class.</summary>
public sealed class TinyIndexFixture : IDisposable
{
    private readonly TempDirectory _root = new();

    public TinyIndexFixture()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Tiny);
        Searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan));
    }

    public NewsSearcher Searcher { get; }

    public void Dispose()
    {
        Searcher.Dispose();
        _root.Dispose();
    }
}
