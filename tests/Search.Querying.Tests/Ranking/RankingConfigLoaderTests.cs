using Search.Core.Analysis;
using Search.Querying.Ranking;

namespace Search.Querying.Tests.Ranking;

public sealed class RankingConfigLoaderTests
{
    [Fact]
    public void LoadsTheShippedConfigurationsByName()
    {
        var stock = RankingConfigLoader.Load("stock");
        var shipped = RankingConfigLoader.Load("default");

        // stock: the ArabicAnalyzer chain, BM25 k1=0.9 b=0.4, the sum (tie-breaker 1) of title and body, no operators.
        Assert.Equal(AnalysisProfile.Stock, stock.Profile);
        Assert.Equal((0.9f, 0.4f, 1f, 0f, 0f), (stock.K1, stock.B, stock.TieBreaker, stock.TitleExact, stock.BodyExact));
        Assert.Equal(RankingWeights.PlainSyntax, stock.Syntax);
        Assert.Equal(AnalysisProfile.News, shipped.Profile);
        Assert.Equal("default", RankingWeights.Default.Name);
    }

    [Fact]
    public void ParsesAFileAndNamesItAfterTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cfg-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "analysis": "news", "k1": 1.5, "lead": 2, "minimumShouldMatch": "75%" }""");
        try
        {
            var weights = RankingConfigLoader.Load(path);

            Assert.Equal(Path.GetFileNameWithoutExtension(path), weights.Name);
            Assert.Equal((1.5f, 2f), (weights.K1, weights.Lead));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{ "k1": -1 }""", "k1 must be a number ≥ 0.")]
    [InlineData("""{ "analysis": "snowball" }""", "analysis \"snowball\" is not a profile")]
    [InlineData("""{ "titel": 2 }""", "titel")]
    [InlineData("""{ "minimumShouldMatch": "most" }""", "minimumShouldMatch \"most\"")]
    [InlineData("""{ "syntax": "lucene" }""", "syntax \"lucene\"")]
    public void RejectsBadConfigurationsSayingWhy(string json, string expected)
    {
        var error = Assert.Throws<RankingConfigException>(() => RankingConfigLoader.Parse(json, "x", "x.json"));

        Assert.StartsWith("x.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 5, 1)]
    [InlineData("2", 5, 2)]
    [InlineData("-1", 5, 4)]
    [InlineData("60%", 5, 3)]
    [InlineData("-25%", 4, 3)]
    [InlineData("9", 3, 3)]
    public void ComputesMinimumShouldMatch(string? spec, int words, int expected)
    {
        Assert.Equal(expected, MinimumShouldMatch.Required(spec, words));
    }
}
