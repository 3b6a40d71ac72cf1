using Search.Querying.Ranking;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests.Ranking;

public sealed class AlternativeRankingSearchTests(TinyIndexFixture index) : IClassFixture<TinyIndexFixture>
{
    private readonly NewsSearcher _searcher = index.Searcher;

    [Fact]
    public void RanksWithTheGivenConfigurationOnTheServedIndex()
    {
        // Only the stemmed body counts in this configuration: t04's body says المعلمون (stem معلم) like t03's المعلمين,
        // and the exact-form advantage t03 has under the default configuration (title.exact, body.exact) is gone.
        var bodyOnly = RankingWeights.Default with
        {
            Name = "body-only", Title = 0, TitleExact = 0, BodyExact = 0, BodyRoot = 0, Lead = 0, LeadExact = 0, ProximityBoost = 0,
        };

        var served = _searcher.Search(new SearchRequest("المعلمين") { Correct = false });
        var other = _searcher.Search(new SearchRequest("المعلمين") { Correct = false }, bodyOnly);

        Assert.Equal(["t03", "t04"], served.Hits.Select(h => h.Id));
        Assert.Equal(served.Total, other.Total);
        Assert.NotEqual(served.Hits[0].Score, other.Hits[0].Score);
        Assert.Equal(other.Hits.Select(h => h.Score).OrderDescending(), other.Hits.Select(h => h.Score));
    }

    [Fact]
    public void GivesTheServedRankingsOwnScoresForTheServedConfiguration()
    {
        var request = new SearchRequest("أسعار النفط الخليج") { Correct = false };

        var served = _searcher.Search(request);
        var same = _searcher.Search(request, _searcher.Parser.Weights);
        var copy = _searcher.Search(request, _searcher.Parser.Weights with { Name = "copy" });

        Assert.Equal(served.Hits.Select(h => (h.Id, h.Score)), same.Hits.Select(h => (h.Id, h.Score)));
        Assert.Equal(served.Hits.Select(h => (h.Id, h.Score)), copy.Hits.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public void RefusesAConfigurationOfAnotherAnalysisProfile()
    {
        var stock = RankingConfigLoader.Load("stock");

        var refused = Assert.Throws<RankingProfileMismatchException>(() => _searcher.Search(new SearchRequest("النفط"), stock));

        Assert.Equal("stock", refused.Ranking);
        Assert.Equal("stock", refused.RankingProfile);
        Assert.Equal("news", refused.IndexProfile);
    }

    [Fact]
    public void PicksUpAConfigurationEditedUnderTheSameName()
    {
        var request = new SearchRequest("أسعار النفط الخليج") { Correct = false };
        var first = RankingWeights.Default with { Name = "edited", K1 = 1.2f };
        var second = RankingWeights.Default with { Name = "edited", K1 = 0.3f };

        var before = _searcher.Search(request, first);
        var after = _searcher.Search(request, second);

        Assert.NotEqual(before.Hits[0].Score, after.Hits[0].Score);
        Assert.Equal(before.Hits[0].Score, _searcher.Search(request, first).Hits[0].Score);
    }
}
