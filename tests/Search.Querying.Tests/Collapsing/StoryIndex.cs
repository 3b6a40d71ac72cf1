using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests.Collapsing;

/// <summary>An on-disk index of tests/TestData/collapsing/stories.jsonl (or of given articles), with a searcher following it.</summary>
internal sealed class StoryIndex : IDisposable
{
    private readonly TempDirectory _root = new();

    public StoryIndex(IEnumerable<NewsArticle>? articles = null, int perCommit = int.MaxValue)
    {
        var all = (articles ?? Stories).ToList();
        Generation = TestIndex.CreateGeneration(_root.Path, all.Take(perCommit));
        for (var done = perCommit; done < all.Count; done += perCommit)
        {
            TestIndex.Commit(Generation, all.Skip(done).Take(perCommit));
        }

        Searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan) { ResultCacheEntries = 0 });
    }

    public static IReadOnlyList<NewsArticle> Stories { get; } =
        TestIndex.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "collapsing", "stories.jsonl"));

    public string Generation { get; }

    public NewsSearcher Searcher { get; }

    /// <summary>The clusters of the served reader, as sorted sets of article ids.</summary>
    public List<string> Clusters()
    {
        using var lease = Searcher.Acquire();
        var reader = lease.Searcher.IndexReader;
        var clusters = Search.Querying.Collapsing.StoryClusters.For(reader);
        return Enumerable.Range(0, clusters.Count)
            .Select(cluster => string.Join(' ', clusters.Members(cluster).Select(doc => reader.Document(doc).Get(NewsFields.Id)).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public void Delete(params string[] ids)
    {
        using var directory = FSDirectory.Open(Generation);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, NewsAnalyzerFactory.Create()) { Codec = NewsCodec.Instance });
        writer.DeleteDocuments([.. ids.Select(NewsDocumentMapper.IdTerm)]);
        writer.SetCommitData(IndexSchema.CommitData());
        writer.Commit();
        Searcher.Refresh();
    }

    public void Upsert(params NewsArticle[] articles)
    {
        TestIndex.Commit(Generation, articles);
        Searcher.Refresh();
    }

    public void Dispose()
    {
        Searcher.Dispose();
        _root.Dispose();
    }
}
