using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Schema;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>#6: the windowed scorers of a word's fields and of a query's words find what Lucene's scorers find, with the same scores.</summary>
public sealed class WindowedDisjunctionScorerTests : IDisposable
{
    private const int Articles = 3000;
    private readonly TempDirectory _root = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public WindowedDisjunctionScorerTests()
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
    public void AWordsFieldsFindTheSameDocumentsWithTheSameScoresAsLucene(string text, string syntax)
    {
        var (windowed, lucene) = FieldQueries(text, syntax);
        var expected = Walk(lucene, advance: null);
        Assert.NotEmpty(expected);
        AssertSame(expected, Walk(windowed, advance: null));
    }

    [Theory]
    [InlineData("مطار قطار")]
    [InlineData("مطار جديد قطار سريع")] // coordination: articles with 1 to 4 of the words
    [InlineData("قطار طريق")]
    public void AQuerysWordsFindTheSameDocumentsWithTheSameScoresAsLucene(string text)
    {
        var (windowed, lucene) = WordQueries(text);
        var expected = Walk(lucene, advance: null);
        Assert.NotEmpty(expected);
        AssertSame(expected, Walk(windowed, advance: null));
    }

    [Fact]
    public void AdvancesToTheSameDocumentsAsLucene()
    {
        var (fields, luceneFields) = FieldQueries("مطار");
        var (words, luceneWords) = WordQueries("مطار جديد قطار");
        for (var seed = 0; seed < 5; seed++)
        {
            AssertSame(Walk(luceneFields, new Random(seed)), Walk(fields, new Random(seed)));
            AssertSame(Walk(luceneWords, new Random(seed)), Walk(words, new Random(seed)));
        }
    }

    [Theory]
    [InlineData("مطار")]
    [InlineData("مطار جديد قطار")] // the whole query: words, proximity clauses, each word's fields
    public void RanksLikeLucene(string text)
    {
        var windowed = new NewsQueryParser().Parse(text).Query;
        var lucene = Plain(windowed);
        var expected = _searcher.Search(lucene, 50);
        var actual = _searcher.Search(windowed, 50);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => d.Score), actual.ScoreDocs.Select(d => d.Score), (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Abs(a));
        Assert.Equal(expected.ScoreDocs.Select(d => d.Doc).Order(), actual.ScoreDocs.Select(d => d.Doc).Order());
    }

    [Fact]
    public void AOneWordQueryIsScoredAsThatWordAlone()
    {
        // Not an all-optional boolean query at the top, which Lucene would score through its BooleanScorer's buckets.
        var words = Assert.IsType<WordsQuery>(Find<WordsQuery>(new NewsQueryParser().Parse("مطار").Query));
        Assert.Equal(1, words.MinimumNumberShouldMatch);
        words.Boost = 3f;
        var rewritten = _searcher.Rewrite(words);
        var word = Assert.IsType<FieldsDisjunctionQuery>(rewritten);
        Assert.Equal(3f * words.Clauses[0].Query.Boost, word.Boost);
        Assert.Equal(1f, words.Clauses[0].Query.Boost); // the parsed query is left as it was

        var expected = _searcher.Search(Plain(words), 100);
        var actual = _searcher.Search(words, 100);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => d.Score), actual.ScoreDocs.Select(d => d.Score), (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Abs(a));
    }

    // The parser's query for one word (or phrase) and the same disjuncts in a plain DisjunctionMaxQuery.
    private static (Query Windowed, Query Lucene) FieldQueries(string text, string syntax = RankingWeights.LooseSyntax)
    {
        var parsed = new NewsQueryParser(RankingWeights.Default with { Syntax = syntax }).Parse(text).Query;
        var windowed = Find<FieldsDisjunctionQuery>(parsed) ?? throw new InvalidOperationException("no FieldsDisjunctionQuery in " + parsed);
        return (windowed, Plain(windowed));
    }

    // The parser's words of a query and the same query made of Lucene's own classes only.
    private static (Query Windowed, Query Lucene) WordQueries(string text)
    {
        var parsed = new NewsQueryParser().Parse(text).Query;
        var windowed = Find<WordsQuery>(parsed) ?? throw new InvalidOperationException("no WordsQuery in " + parsed);
        return (windowed, Plain(windowed));
    }

    private static T? Find<T>(Query query)
        where T : Query => query switch
        {
            T found => found,
            BooleanQuery boolean => boolean.Clauses.Select(clause => Find<T>(clause.Query)).FirstOrDefault(found => found is not null),
            _ => null,
        };

    // The same query with Lucene's DisjunctionMaxQuery and BooleanQuery in place of ours (a CommonWordQuery is kept: it rewrites to the word as parsed).
    private static Query Plain(Query query)
    {
        switch (query)
        {
            case FieldsDisjunctionQuery fields:
                return new DisjunctionMaxQuery([.. fields.Disjuncts.Select(Plain)], fields.TieBreakerMultiplier) { Boost = fields.Boost };
            case BooleanQuery boolean:
                var plain = new BooleanQuery(boolean.CoordDisabled) { MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch, Boost = boolean.Boost };
                foreach (var clause in boolean.Clauses)
                {
                    plain.Add(Plain(clause.Query), clause.Occur);
                }

                return plain;
            default:
                return query;
        }
    }

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
