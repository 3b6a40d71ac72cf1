using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Schema;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>#6: the windowed scorer of a word's fields finds what Lucene's DisjunctionMaxScorer finds, with the same scores.</summary>
public sealed class FieldsDisjunctionQueryTests : IDisposable
{
    private const int Articles = 3000;
    private readonly TempDirectory _root = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public FieldsDisjunctionQueryTests()
    {
        // Two segments of 1,500 articles: many windows of 512 documents, with gaps, dense runs and several fields.
        var all = Enumerable.Range(0, Articles).Select(Article).ToList();
        var generation = TestIndex.CreateGeneration(_root.Path, all.Take(Articles / 2));
        TestIndex.Commit(generation, all.Skip(Articles / 2));
        _reader = DirectoryReader.Open(FSDirectory.Open(generation));
        _searcher = new IndexSearcher(_reader) { Similarity = new Search.Querying.Ranking.NewsSimilarity(RankingWeights.Default) };
    }

    public void Dispose()
    {
        _reader.Dispose();
        _root.Dispose();
    }

    // مطار in some titles, in bodies 1-4 times, with a proclitic (بمطار) in others; قطار in a dense run of articles only.
    private static NewsArticle Article(int i)
    {
        var title = i % 7 == 0 ? "افتتاح مطار جديد" : "خبر محلي";
        var body = string.Join(' ', Enumerable.Repeat(i % 3 == 0 ? "مطار" : "طريق", (i % 4) + 1))
            + (i % 11 == 0 ? " وصل الوفد بمطار العاصمة" : " بلا جديد")
            + (i is >= 1400 and < 1700 ? " قطار سريع" : string.Empty);
        return new NewsArticle($"a{i}", body, Title: title);
    }

    [Theory]
    [InlineData("مطار", RankingWeights.LooseSyntax)]
    [InlineData("قطار", RankingWeights.LooseSyntax)]
    [InlineData("\"مطار جديد\"", RankingWeights.FullSyntax)] // a phrase in every field: positional scorers inside
    public void FindsTheSameDocumentsWithTheSameScoresAsLucene(string text, string syntax)
    {
        var (windowed, lucene) = Queries(text, syntax);
        var expected = Walk(lucene, advance: null);
        Assert.NotEmpty(expected);
        AssertSame(expected, Walk(windowed, advance: null));
    }

    [Fact]
    public void AdvancesToTheSameDocumentsAsLucene()
    {
        var (windowed, lucene) = Queries("مطار");
        for (var seed = 0; seed < 5; seed++)
        {
            AssertSame(Walk(lucene, new Random(seed)), Walk(windowed, new Random(seed)));
        }
    }

    [Fact]
    public void RanksLikeLucene()
    {
        var (windowed, lucene) = Queries("مطار");
        var expected = _searcher.Search(lucene, 50);
        var actual = _searcher.Search(windowed, 50);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => d.Score), actual.ScoreDocs.Select(d => d.Score), (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Abs(a));
        Assert.Equal(expected.ScoreDocs.Select(d => d.Doc).Order(), actual.ScoreDocs.Select(d => d.Doc).Order());
    }

    // The parser's query for one word (or phrase) and the same disjuncts in a plain DisjunctionMaxQuery.
    private static (Query Windowed, Query Lucene) Queries(string text, string syntax = RankingWeights.LooseSyntax)
    {
        var parsed = new NewsQueryParser(RankingWeights.Default with { Syntax = syntax }).Parse(text).Query;
        var windowed = Find(parsed) ?? throw new InvalidOperationException("no FieldsDisjunctionQuery in " + parsed);
        return (windowed, new DisjunctionMaxQuery(windowed.Disjuncts, windowed.TieBreakerMultiplier));
    }

    private static FieldsDisjunctionQuery? Find(Query query) => query switch
    {
        FieldsDisjunctionQuery found => found,
        BooleanQuery boolean => boolean.Clauses.Select(clause => Find(clause.Query)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    // Every (segment, document, score, freq) the query's scorers give, by NextDoc or, with a random, by Advance jumps.
    private List<(int Segment, int Doc, float Score, int Freq)> Walk(Query query, Random? advance)
    {
        var weight = _searcher.CreateNormalizedWeight(query);
        var found = new List<(int, int, float, int)>();
        foreach (var leaf in _reader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            var doc = scorer.NextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                found.Add((leaf.Ord, doc, scorer.GetScore(), scorer.Freq));
                doc = advance is null || advance.Next(2) == 0 ? scorer.NextDoc() : scorer.Advance(doc + 1 + advance.Next(700));
            }
        }

        return found;
    }

    private static void AssertSame(List<(int Segment, int Doc, float Score, int Freq)> expected, List<(int Segment, int Doc, float Score, int Freq)> actual)
    {
        Assert.Equal(expected.Select(x => (x.Segment, x.Doc, x.Freq)), actual.Select(x => (x.Segment, x.Doc, x.Freq)));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i].Score - actual[i].Score) <= 1e-5f * Math.Abs(expected[i].Score),
                $"document {expected[i].Doc}: {actual[i].Score} against Lucene's {expected[i].Score}");
        }
    }
}
