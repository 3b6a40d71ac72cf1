using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Querying;

namespace Search.Benchmarks;

/// <summary>Snippets of result bodies, against the analysis of the same bodies that they cannot do without.</summary>
/// <remarks>
/// A page of results re-analyzes each hit's body to mark the query's words. The query of each body is two words of its
/// own title (seeded), so most bodies have matches, as hits do.
/// </remarks>
[MemoryDiagnoser]
public class SnippetBenchmarks
{
    private const int Bodies = 200;
    private Analyzer _analyzer = null!;
    private (string Body, IReadOnlyList<(string Field, IReadOnlySet<string> Terms)> Fields)[] _hits = [];

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = NewsAnalyzerFactory.Create();
        var random = new Random(2026);
        _hits = [.. BenchmarkData.Articles
            .Where(article => article.Title is { Length: > 0 })
            .Take(Bodies)
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
    public void Cleanup() => _analyzer.Dispose();

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
}
