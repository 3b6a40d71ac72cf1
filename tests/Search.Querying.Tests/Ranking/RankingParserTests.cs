using Lucene.Net.Search;

namespace Search.Querying.Tests.Ranking;

/// <summary>What the shipped default configuration (#3) adds to the parser's construction.</summary>
public sealed class RankingParserTests
{
    private readonly NewsQueryParser _parser = new();

    [Fact]
    public void CoordinatesTheWordsAndAddsProximityPairs()
    {
        var top = (BooleanQuery)_parser.Parse("أسعار النفط").Query;

        // One required BooleanQuery of the words with coordination on (coord = 1), then one proximity pair on the
        // stemmed body, in order, within the slop: no 1000-point constant per word any more.
        var words = (BooleanQuery)top.Clauses[0].Query;
        Assert.Equal(Occur.MUST, top.Clauses[0].Occur);
        Assert.False(words.CoordDisabled);
        Assert.Equal(2, words.Clauses.Count);
        Assert.Equal("body:\"اسعار نفط\"~4^0.5", top.Clauses[1].Query.ToString());
        Assert.DoesNotContain(top.Clauses, c => c.Query is ConstantScoreQuery);
    }

    [Fact]
    public void SearchesTheLeadFields()
    {
        var query = _parser.Parse("النفط").Query.ToString();

        Assert.Contains("lead:نفط", query, StringComparison.Ordinal);
        Assert.Contains("lead.exact:النفط^1.3", query, StringComparison.Ordinal);
    }

    [Fact]
    public void TakesTheBestOfAWordsStackedFormsNotTheirSum()
    {
        var query = _parser.Parse("بغزة").Query.ToString();

        // بغزة is searched as itself and as غزة (proclitic ب), the better one counting (DisjunctionMax, tie 0).
        Assert.Contains("(body:بغز | body:غزه)", query, StringComparison.Ordinal);
        Assert.Contains("body.exact:بغزه", query, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsQuotesLooselyAndKeepsExclusions()
    {
        var query = _parser.Parse("\"وقف إطلاق النار\" -غزة").Query.ToString();

        // The quoted words are words (headlines quote speech that articles paraphrase); proximity rewards their order.
        Assert.DoesNotContain("body:\"وقف", query.Replace("body:\"وقف اطلاق\"~4", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("body:\"وقف اطلاق\"~4", query, StringComparison.Ordinal);
        Assert.Contains("-body:غزه", query, StringComparison.Ordinal);
    }

    [Fact]
    public void StockConfigurationIsThePlainOrOverTitleAndBody()
    {
        var stock = new NewsQueryParser(Search.Querying.Ranking.RankingConfigLoader.Load("stock"));

        // Stock chain terms (ArabicStemFilter: بغزة keeps its ب), title + body summed (tie-breaker 1), no operators.
        Assert.Equal("(title:بغز | body:بغز)~1 (title:نفط | body:نفط)~1", stock.Parse("بغزة \"النفط\"").Query.ToString());
    }
}
