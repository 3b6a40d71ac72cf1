using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

public sealed class ScoreExplainerTests(TinyIndexFixture index) : IClassFixture<TinyIndexFixture>
{
    [Fact]
    public void ExplainsRankScoreAndTermsPerField()
    {
        var explanation = ScoreExplainer.Explain(index.Searcher, "أسعار النفط", "t01");

        // t01 has both words in its title and body: it is the best match, and its parts add up to its score.
        Assert.True(explanation.Exists);
        Assert.True(explanation.Matches);
        Assert.Equal(1, explanation.Rank);
        Assert.Equal("أسعار النفط ترتفع في أسواق الخليج", explanation.Title);
        Assert.Contains(explanation.Contributions, c => c is { Kind: "term", Field: "title.exact", Text: "النفط" });
        Assert.Contains(explanation.Contributions, c => c is { Kind: "term", Field: "body", Text: "اسعار" } && c.Idf > 0 && c.Frequency == 1);
        Assert.Contains(explanation.ByField, f => f.Key == "title.exact");
        var parts = explanation.Contributions.Where(c => c.Kind != "coord").Sum(c => c.Score);
        Assert.Equal(explanation.Score, parts, 3);
    }

    [Fact]
    public void SaysWhenTheDocumentDoesNotMatch()
    {
        var explanation = ScoreExplainer.Explain(index.Searcher, "أسعار النفط", "t03");

        Assert.True(explanation.Exists);
        Assert.False(explanation.Matches);
        Assert.Null(explanation.Rank);
        Assert.Empty(explanation.Contributions);
    }

    [Fact]
    public void SaysWhenTheDocumentIsAbsent()
    {
        var explanation = ScoreExplainer.Explain(index.Searcher, "النفط", "nope");

        Assert.False(explanation.Exists);
    }
}
