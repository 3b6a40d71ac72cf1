namespace Search.Querying.Tests.Support;

/// <summary>One read-only index of searchbox.jsonl (spelling variants, headline phrases, months, mixed-script text) shared by a class.</summary>
public sealed class SearchBoxIndexFixture : IDisposable
{
    private readonly TempDirectory _root = new();

    public SearchBoxIndexFixture()
    {
        TestIndex.CreateGeneration(_root.Path, Articles);
        Searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan));
    }

    public static IReadOnlyList<Search.Core.Schema.NewsArticle> Articles { get; } =
        TestIndex.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "searchbox", "searchbox.jsonl"));

    public NewsSearcher Searcher { get; }

    public void Dispose()
    {
        Searcher.Dispose();
        _root.Dispose();
    }
}
