using Search.Core.Analysis;

namespace Search.Querying.Tests.Ranking;

/// <summary>Question words listed in <see cref="RankingWeights.QueryStopWords"/> leave the query, not the documents.</summary>
public sealed class QueryStopWordsTests
{
    private static readonly RankingWeights Plain = RankingWeights.Default with { QueryStopWords = [] };

    private readonly NewsQueryParser _withList = new(Plain with { QueryStopWords = ["هل", "كيف", "لماذا", "أين"] });
    private readonly NewsQueryParser _without = new(Plain);

    [Fact]
    public void DropsQuestionWordsFromAQuestion()
    {
        var question = _withList.Parse("لماذا حرم الربا؟").Query.ToString();

        // لماذا is scaffolding of the question: the query is that of its other words.
        Assert.Equal(_without.Parse("حرم الربا؟").Query.ToString(), question);
    }

    [Fact]
    public void ComparesNormalizedWordsWithoutTheirPunctuation()
    {
        // أين in the list matches اين typed without hamza; هل؟ carries the question mark.
        var query = _withList.Parse("اين هل؟ مكة").Query.ToString();

        Assert.Equal(_without.Parse("مكة").Query.ToString(), query);
    }

    [Fact]
    public void KeepsQuestionWordsWhenTheQueryHasNothingElse()
    {
        var parsed = _withList.Parse("كيف");

        Assert.Equal(ParsedQueryKind.Terms, parsed.Kind);
        Assert.Contains("body.exact:كيف", parsed.Query.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesExclusionsAndPhrasesAlone()
    {
        var parser = new NewsQueryParser(Plain with { QueryStopWords = ["كيف"], Syntax = RankingWeights.FullSyntax });

        var query = parser.Parse("طبخ -كيف").Query.ToString();

        Assert.Contains("-body:كيف", query, StringComparison.Ordinal);
    }

    [Fact]
    public void ShipsTheQuestionWordsInTheDefaultConfiguration()
    {
        var words = RankingWeights.Default.QueryStopWords.Select(NewsAnalyzerFactory.NormalizeWord).ToHashSet();

        Assert.Superset(new HashSet<string> { "هل", "كيف", "لماذا", "متي", "اين", "كم", "ماذا" }, words);
    }
}
