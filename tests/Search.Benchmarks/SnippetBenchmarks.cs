using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Querying;

namespace Search.Benchmarks;

/// <summary>Snippets of result bodies, against the analysis of the same bodies that re-analysis cannot do without.</summary>
/// <remarks>
/// The query of each body is two words of its own title (seeded), so most bodies have matches, as hits do. Snippets are
/// cut two ways: re-analyzing the body (the way before #6's sixth round, and still the way for an index without the
/// body's offsets), and reading the matches from the offsets in the body's postings (<see cref="OffsetMatches"/>, one
/// hit at a time, where a page looks terms up once per segment for its ten hits). Neither loads the stored body.
/// </remarks>
[MemoryDiagnoser]
public class SnippetBenchmarks
{
    private const int Bodies = 200;
    private Analyzer _analyzer = null!;
    private (string Body, IReadOnlyList<(string Field, IReadOnlySet<string> Terms)> Fields)[] _hits = [];
    private int[] _docs = [];
    private DirectoryReader _reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = NewsAnalyzerFactory.Create();
        var random = new Random(2026);
        var articles = BenchmarkData.Articles.Where(article => article.Title is { Length: > 0 }).Take(Bodies).ToList();
        _reader = DirectoryReader.Open(new MappedDirectory(new DirectoryInfo(BenchmarkData.IndexGeneration)));
        var searcher = new IndexSearcher(_reader);
        _docs = [.. articles.Select(article => searcher.Search(new TermQuery(NewsDocumentMapper.IdTerm(article.Id)), 1).ScoreDocs[0].Doc)];
        _hits = [.. articles
            .Select(article =>
            {
                var words = article.Title!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var start = random.Next(words.Length);
                var query = string.Join(' ', words.Skip(start).Take(2));
                IReadOnlySet<string> terms = TokenInspector.Analyze(_analyzer, NewsFields.Body, query).Select(token => token.Term).ToHashSet(StringComparer.Ordinal);
                return (article.Body, (IReadOnlyList<(string, IReadOnlySet<string>)>)[(NewsFields.Body, terms)]);
            })];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _analyzer.Dispose();
        _reader.Dispose();
    }

    /// <summary>The floor: each body's tokens in the stemmed body field, the analysis a snippet needs.</summary>
    [Benchmark(Baseline = true)]
    public int Analyze()
    {
        var tokens = 0;
        foreach (var (body, _) in _hits)
        {
            using var stream = _analyzer.GetTokenStream(NewsFields.Body, body);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens += term.Length > 0 ? 1 : 0;
            }

            stream.End();
        }

        return tokens;
    }

    /// <summary>Each body's snippet: analysis, matching, the best windows, escaped HTML with marks.</summary>
    [Benchmark]
    public int Snippets()
    {
        var length = 0;
        foreach (var (body, fields) in _hits)
        {
            length += SnippetBuilder.Build(_analyzer, body, fields).Length;
        }

        return length;
    }

    /// <summary>Each body's snippet from the index: its matches read from the body's offsets, the best windows, escaped HTML with marks.</summary>
    [Benchmark]
    public int SnippetsFromIndex()
    {
        var length = 0;
        for (var i = 0; i < _hits.Length; i++)
        {
            var (body, fields) = _hits[i];
            var matches = OffsetMatches.Find(_reader, [_docs[i]], NewsFields.Body, fields[0].Terms)[0]
                ?? throw new InvalidOperationException("The benchmark index has no offsets in the body's postings.");
            length += SnippetBuilder.Build(_analyzer, body, fields, (NewsFields.Body, matches)).Length;
        }

        return length;
    }
}
