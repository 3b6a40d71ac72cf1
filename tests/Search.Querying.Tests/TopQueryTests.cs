using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Schema;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>#6: the top of a parsed query builds its scorer once per segment, and finds and scores what Lucene's BooleanQuery does.</summary>
public sealed class TopQueryTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public TopQueryTests()
    {
        // Two segments, so that every claim is per segment.
        var all = Enumerable.Range(0, 400).Select(Article).ToList();
        var generation = TestIndex.CreateGeneration(_root.Path, all.Take(200));
        TestIndex.Commit(generation, all.Skip(200));
        _reader = DirectoryReader.Open(FSDirectory.Open(generation));
        _searcher = new IndexSearcher(_reader) { Similarity = new Search.Querying.Ranking.NewsSimilarity(RankingWeights.Default) };
    }

    public void Dispose()
    {
        _reader.Dispose();
        _root.Dispose();
    }

    private static NewsArticle Article(int i) => new(
        $"a{i}",
        string.Join(' ', Enumerable.Repeat(i % 3 == 0 ? "مطار" : "طريق", (i % 4) + 1)) + (i % 5 == 0 ? " جديد" : " قديم") + (i % 7 == 0 ? " قطار" : string.Empty),
        Title: i % 2 == 0 ? "افتتاح مطار جديد" : "خبر محلي");

    [Fact]
    public void BuildsTheScorerOfARequiredClauseOncePerSegmentWhereLuceneBuildsItTwice()
    {
        Assert.Equal(2, _reader.Leaves.Count);

        // Collected out of order, as a search's collectors allow (IndexSearcher.Search(query, n) would ask in order).
        var (top, topWords) = WordsAndBoost(new TopQuery());
        Collect(top);
        Assert.Equal(_reader.Leaves.Count, topWords.Built);

        // Lucene's weight first asks the required clause for an out-of-order bulk scorer, drops it, then asks again:
        // the waste TopQuery exists to avoid. Should a Lucene upgrade stop doing this, TopQuery can go.
        var (lucene, luceneWords) = WordsAndBoost(new BooleanQuery(disableCoord: true));
        Collect(lucene);
        Assert.Equal(2 * _reader.Leaves.Count, luceneWords.Built);
    }

    [Theory]
    [InlineData("مطار جديد")]
    [InlineData("مطار جديد -قطار")] // an exclusion: required, optional and prohibited clauses
    [InlineData("طريق -قطار")]
    public void FindsAndScoresWhatLucenesBooleanQueryDoes(string text)
    {
        var parsed = new NewsQueryParser().Parse(text).Query;
        var top = Assert.IsType<TopQuery>(parsed);
        var lucene = new BooleanQuery(disableCoord: true);
        foreach (var clause in top.Clauses)
        {
            lucene.Add(clause.Query, clause.Occur);
        }

        // Out of order allowed, as every collector of a search: the bulk scorer is the one a search uses.
        var expected = Collect(lucene);
        var actual = Collect(top);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
    }

    [Fact]
    public void WithoutARequiredClauseItIsLucenesWeight()
    {
        var optional = new TopQuery
        {
            { new TermQuery(new Term(NewsFields.BodyExact, "مطار")), Occur.SHOULD },
            { new TermQuery(new Term(NewsFields.BodyExact, "قطار")), Occur.SHOULD },
        };
        var lucene = new BooleanQuery(disableCoord: true) { optional.Clauses[0], optional.Clauses[1] };
        var expected = Collect(lucene);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Collect(optional));
    }

    // A required word and an optional one; the word counts the scorers built for it.
    private static (BooleanQuery Query, CountingQuery Words) WordsAndBoost(BooleanQuery top)
    {
        var words = new CountingQuery(new TermQuery(new Term(NewsFields.Body, "مطار")));
        top.Add(words, Occur.MUST);
        top.Add(new TermQuery(new Term(NewsFields.BodyExact, "جديد")), Occur.SHOULD);
        return (top, words);
    }

    private Dictionary<int, float> Collect(Query query)
    {
        var collector = TopScoreDocCollector.Create(1000, docsScoredInOrder: false);
        _searcher.Search(query, collector);
        return collector.GetTopDocs().ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
    }

    // Its inner query, counting the scorers and bulk scorers its weight builds.
    private sealed class CountingQuery(Query inner) : Query
    {
        public int Built { get; private set; }

        public override Weight CreateWeight(IndexSearcher searcher) => new CountingWeight(this, inner.CreateWeight(searcher));

        public override string ToString(string field) => "counting(" + inner.ToString(field) + ")";

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

        private sealed class CountingWeight(CountingQuery query, Weight inner) : Weight
        {
            public override Query Query => query;

            public override Explanation Explain(AtomicReaderContext context, int doc) => inner.Explain(context, doc);

            public override float GetValueForNormalization() => inner.GetValueForNormalization();

            public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost);

            public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
            {
                query.Built++;
                return inner.GetScorer(context, acceptDocs);
            }

            public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits? acceptDocs)
            {
                query.Built++;
                return inner.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            }
        }
    }
}
