using System.IO.Compression;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>Snippet matches read from the body's postings are the matches re-analysis finds (#6).</summary>
public sealed class OffsetMatchesTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = NewsAnalyzerFactory.Create();

    [Fact]
    public void TheIndexGivesTheMatchesAndSnippetsOfAnalysis()
    {
        var articles = TestIndex.Tiny.Concat(TestIndex.Load(Path.Combine(TestIndex.RepositoryRoot(), "index-data", "sample", "articles.jsonl"))).ToList();

        var found = AssertSameAsAnalysis(articles, seed: 1);

        Assert.True(found > 100, $"only {found} matches were compared");
    }

    [Fact]
    public void TheIndexGivesTheMatchesAndSnippetsOfAnalysisOnTheSharedCorpus()
    {
        var corpus = Path.Combine(TestIndex.RepositoryRoot(), "..", "shared", "corpus", "news-full.jsonl.gz");
        Assert.SkipUnless(File.Exists(corpus), "../shared/corpus is not beside the checkout.");
        using var file = File.OpenRead(corpus);
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress), Encoding.UTF8);
        var articles = TestIndex.Parse(Lines(reader).Take(1_500));

        var found = AssertSameAsAnalysis(articles, seed: 2);

        Assert.True(found > 5_000, $"only {found} matches were compared");
    }

    [Fact]
    public void MatchesPastTheAnalyzedLengthAreLeftOut()
    {
        // A body longer than a snippet analyzes: one of the query's words early, the other only past the limit.
        var filler = string.Join(' ', Enumerable.Repeat("كلمة", SnippetBuilder.MaxAnalyzedChars / 5));
        var body = $"ارتفعت أسعار النفط {filler} وقال وزير الطاقة {filler}";
        var article = new NewsArticle("long-1", body, "النفط والطاقة", "اقتصاد", null, null, null, null);
        var terms = Terms("النفط الطاقة");
        using var root = new TempDirectory();
        using var reader = Open(TestIndex.CreateGeneration(root.Path, [article]));

        var matches = OffsetMatches.Find(reader, [0], NewsFields.Body, terms)[0]!;
        var snippet = SnippetBuilder.Build(Analyzer, body, [(NewsFields.Body, terms)], (NewsFields.Body, matches));

        Assert.Contains(matches, match => match.Start > SnippetBuilder.MaxAnalyzedChars);
        Assert.Equal(SnippetBuilder.Build(Analyzer, body, [(NewsFields.Body, terms)]), snippet);
        Assert.Contains("<mark>النفط</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("الطاقة", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void ABodyIndexedWithoutOffsetsIsLeftToAnalysis()
    {
        using var root = new TempDirectory();
        var layout = new IndexLayout(root.Path);
        var generation = layout.CreateGeneration();
        using (var directory = FSDirectory.Open(generation))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, NewsAnalyzerFactory.Create())))
        {
            foreach (var article in TestIndex.Tiny)
            {
                // Another writer's schema: the body with positions only.
                var document = NewsDocumentMapper.ToDocument(article);
                document.RemoveField(NewsFields.Body);
                document.Add(new TextField(NewsFields.Body, article.Body, Field.Store.YES));
                writer.AddDocument(document);
            }

            writer.SetCommitData(IndexSchema.CommitData());
            writer.Commit();
        }

        layout.Switch(generation);
        using (var reader = Open(generation))
        {
            Assert.All(OffsetMatches.Find(reader, [0, 1, 2], NewsFields.Body, Terms("النفط")), Assert.Null);
        }

        using var searcher = new NewsSearcher(new NewsSearcherOptions(root.Path, Timeout.InfiniteTimeSpan));
        var page = searcher.Search(new SearchRequest("النفط"));

        Assert.NotEmpty(page.Hits);
        Assert.All(page.Hits, hit => Assert.Contains("<mark>", hit.Snippet, StringComparison.Ordinal));
    }

    // Indexes the articles in three segments, then for each article asks for a page of hits (it and others drawn at
    // random, in no particular order) with two to three words of its title; each hit's matches from the index must be analysis's, and so must
    // its snippet, alone and beside an exact-field pass. Returns how many matches were compared.
    private static int AssertSameAsAnalysis(IReadOnlyList<NewsArticle> articles, int seed)
    {
        using var root = new TempDirectory();
        var third = (articles.Count + 2) / 3;
        var generation = TestIndex.CreateGeneration(root.Path, articles.Take(third));
        TestIndex.Commit(generation, articles.Skip(third).Take(third));
        TestIndex.Commit(generation, articles.Skip(2 * third));
        using var reader = Open(generation);
        Assert.True(reader.Leaves.Count >= Math.Min(3, articles.Count));
        var stored = Enumerable.Range(0, reader.MaxDoc).Select(reader.Document).ToArray();
        var bodies = stored.Select(document => document.Get(NewsFields.Body) ?? string.Empty).ToArray();
        var docOf = Enumerable.Range(0, reader.MaxDoc).ToDictionary(doc => stored[doc].Get(NewsFields.Id));

        var random = new Random(seed);
        var compared = 0;
        foreach (var article in articles.Where(article => article.Title is { Length: > 0 }))
        {
            var words = article.Title!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = random.Next(words.Length);
            var terms = Terms(string.Join(' ', words.Skip(start).Take(random.Next(2, 4))));
            if (terms.Count == 0)
            {
                continue;
            }

            var docs = Enumerable.Range(0, 9).Select(_ => random.Next(reader.MaxDoc)).Prepend(docOf[article.Id]).Distinct().ToArray();
            var found = OffsetMatches.Find(reader, docs, NewsFields.Body, terms);
            for (var i = 0; i < docs.Length; i++)
            {
                var body = bodies[docs[i]];
                var fromIndex = Assert.IsType<List<SnippetBuilder.Match>>(found[i]);
                var analyzed = SnippetBuilder.Analyze(Analyzer, NewsFields.Body, body, terms);
                Assert.Equal(Ordered(analyzed), Ordered(fromIndex));
                Assert.Equal(fromIndex.Select(match => match.Start).Order(), fromIndex.Select(match => match.Start));

                (string, IReadOnlySet<string>)[] stemmed = [(NewsFields.Body, terms)];
                Assert.Equal(SnippetBuilder.Build(Analyzer, body, stemmed), SnippetBuilder.Build(Analyzer, body, stemmed, (NewsFields.Body, fromIndex)));
                (string, IReadOnlySet<string>)[] both = [(NewsFields.Body, terms), (NewsFields.BodyExact, ExactTerms(words[0]))];
                Assert.Equal(SnippetBuilder.Build(Analyzer, body, both), SnippetBuilder.Build(Analyzer, body, both, (NewsFields.Body, fromIndex)));
                compared += fromIndex.Count;
            }
        }

        return compared;
    }

    private static IEnumerable<(int, int, string)> Ordered(IEnumerable<SnippetBuilder.Match> matches) =>
        matches.Select(match => (match.Start, match.End, match.Term)).Order();

    private static HashSet<string> Terms(string query) =>
        TokenInspector.Analyze(Analyzer, NewsFields.Body, query).Select(token => token.Term).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> ExactTerms(string query) =>
        TokenInspector.Analyze(Analyzer, NewsFields.BodyExact, query).Select(token => token.Term).ToHashSet(StringComparer.Ordinal);

    private static DirectoryReader Open(string generation) => DirectoryReader.Open(FSDirectory.Open(generation));

    private static IEnumerable<string> Lines(TextReader reader)
    {
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            yield return line;
        }
    }
}
