using Lucene.Net.Analysis.Ar;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Querying;

namespace Search.Cli.Bench;

/// <summary>
/// The reference every in-process search figure is divided by: what a plain Lucene.Net program does with the same
/// query text on the reference index (stock <see cref="ArabicAnalyzer"/>, title and body): the OR of the analyzed
/// words' terms in both fields, BM25 (k1 0.9, b 0.4), the top 10 and the exact count of matches, one thread. No
/// filters, facets, snippets or corrections: those are what news-search adds.
/// </summary>
internal sealed class StockSearch : IDisposable
{
    private readonly MappedDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly ArabicAnalyzer _analyzer = new(IndexVersion.Lucene);

    /// <summary>Opens the reference index at <paramref name="path"/>, through the same memory map news-search reads with.</summary>
    public StockSearch(string path)
    {
        _directory = new MappedDirectory(new DirectoryInfo(path));
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(0.9f, 0.4f) };
    }

    /// <summary>Runs <paramref name="text"/>; returns the number of matches.</summary>
    public int Search(string text)
    {
        var query = new BooleanQuery();
        foreach (var field in (string[])["title", "body"])
        {
            foreach (var token in TokenInspector.Analyze(_analyzer, field, text))
            {
                query.Add(new TermQuery(new Term(field, token.Term)), Occur.SHOULD);
            }
        }

        return _searcher.Search(query, 10).TotalHits;
    }

    /// <summary>Times every request of <paramref name="workload"/> after warming up on its first <paramref name="warmUp"/>.</summary>
    public LatencyStats Measure(IReadOnlyList<SearchRequest> workload, int warmUp) =>
        InProcessSearch.Measure(workload, warmUp, request => Search(request.Query ?? string.Empty));

    public void Dispose()
    {
        _analyzer.Dispose();
        _reader.Dispose();
        _directory.Dispose();
    }
}
