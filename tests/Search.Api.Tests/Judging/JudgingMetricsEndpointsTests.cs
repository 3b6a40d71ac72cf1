using System.Text.Json;
using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Judging;

public sealed class JudgingMetricsEndpointsTests(SampleIndexFixture index) : IClassFixture<SampleIndexFixture>
{
    private const string Economy = "نمو اقتصاد البلاد في الربع الاول";

    [Fact]
    public async Task ComputesMetricsOfAHandJudgedQueryExactly()
    {
        using var api = index.Open();
        var (_, results, _) = await api.GetAsync($"/judge/api/results?qid=s02&size=100");
        var ranked = results.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
        Assert.True(ranked.Count >= 4, $"s02 retrieves {ranked.Count} articles; the case needs 4.");
        var (_, all, _) = await api.GetAsync("/search?size=100");
        var unretrieved = all.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).First(id => !ranked.Contains(id));

        // Judged: rank 1 not relevant (0), rank 2 relevant (2), rank 4 related (1), and an article the run does not
        // retrieve, the story itself (3).
        //   DCG@10  = 2/log2(3) + 1/log2(5)                  = 1.261860 + 0.430677 = 1.692536
        //   IDCG@10 = 3/log2(2) + 2/log2(3) + 1/log2(4)      = 3 + 1.261860 + 0.5  = 4.761860
        //   nDCG@10 = 1.692536 / 4.761860                    = 0.355436
        //   P@10    = 2 relevant in the top 10 / 10           = 0.2
        //   MRR@10  = 1 / rank of the first relevant (2)      = 0.5
        await api.JudgeAsync("s02", Economy, ranked[0], 0);
        await api.JudgeAsync("s02", Economy, ranked[1], 2);
        await api.JudgeAsync("s02", Economy, ranked[3], 1);
        await api.JudgeAsync("s02", Economy, unretrieved, 3);

        var (status, body, _) = await api.GetAsync("/judge/api/metrics");

        Assert.Equal(200, status);
        Assert.Equal("default", body.GetProperty("ranking").GetString());
        Assert.Equal(1, body.GetProperty("queries").GetInt32());
        var expectedNdcg = (2 / Math.Log2(3) + 1 / Math.Log2(5)) / (3 + 2 / Math.Log2(3) + 1 / Math.Log2(4));
        Assert.Equal(0.355436, expectedNdcg, 6);
        var metrics = body.GetProperty("metrics");
        Assert.Equal(expectedNdcg, metrics.GetProperty("ndcg@10").GetDouble(), 12);
        Assert.Equal(0.2, metrics.GetProperty("p@10").GetDouble(), 12);
        Assert.Equal(0.5, metrics.GetProperty("mrr@10").GetDouble(), 12);
        var query = Assert.Single(body.GetProperty("perQuery").EnumerateArray());
        Assert.Equal(("s02", Economy), (query.GetProperty("queryId").GetString(), query.GetProperty("query").GetString()));
        Assert.Equal(expectedNdcg, query.GetProperty("ndcg@10").GetDouble(), 12);
        Assert.Empty(body.GetProperty("skipped").EnumerateArray());
    }

    [Fact]
    public async Task SkipsJudgedQueriesThatCannotBeScoredAndSaysWhy()
    {
        using var api = index.Open();
        await api.JudgeAsync("s03", "الذهب يسجل رقما قياسيا", "sample-0003", 2);
        await api.JudgeAsync("s04", "تمويل للمشروعات الصغيرة", "sample-0015", 0);
        await api.JudgeAsync("typed", "القمر", "sample-0029", 1);
        var (imported, _, _) = await api.PostJsonAsync("/judge/api/qrels", new { qrels = "zz1 0 sample-0001 2\n" });

        var (status, body, _) = await api.GetAsync("/judge/api/metrics?ranking=bm25-plain");
        var (_, inSet, _) = await api.GetAsync("/judge/api/metrics?set=sample");
        var (missing, _, _) = await api.GetAsync("/judge/api/metrics?set=nope");

        Assert.Equal(200, imported);
        Assert.Equal(200, status);
        Assert.Equal("bm25-plain", body.GetProperty("ranking").GetString());
        Assert.Equal(["s03", "typed"], body.GetProperty("perQuery").EnumerateArray().Select(q => q.GetProperty("queryId").GetString()));
        Assert.Equal(2, body.GetProperty("queries").GetInt32());
        Assert.Equal(["s04", "zz1"], body.GetProperty("skipped").EnumerateArray().Select(q => q.GetProperty("queryId").GetString()));
        Assert.Equal(["s03"], inSet.GetProperty("perQuery").EnumerateArray().Select(q => q.GetProperty("queryId").GetString()));
        Assert.Equal("sample", inSet.GetProperty("set").GetString());
        Assert.Equal(["s04"], inSet.GetProperty("skipped").EnumerateArray().Select(q => q.GetProperty("queryId").GetString()));
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task ScoresNothingWhenNothingIsJudged()
    {
        using var api = index.Open();

        var (status, body, _) = await api.GetAsync("/judge/api/metrics");

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("queries").GetInt32());
        Assert.Equal(0, body.GetProperty("metrics").GetProperty("ndcg@10").GetDouble());
        Assert.Empty(body.GetProperty("perQuery").EnumerateArray());
    }

    [Fact]
    public async Task ComparesTwoRankingsOverTheSampleSet()
    {
        using var api = index.Open();
        var qrels = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "relevance", "sample-qrels.txt"));
        await api.PostJsonAsync("/judge/api/qrels", new { qrels });
        var judgedQueries = qrels.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture) > 0)
            .Select(c => c[0]).Distinct().Count();

        var (status, body, _) = await api.GetAsync("/judge/api/compare-set?set=sample&a=bm25-plain&b=default");
        var (_, metricsA, _) = await api.GetAsync("/judge/api/metrics?set=sample&ranking=bm25-plain");
        var (_, metricsB, _) = await api.GetAsync("/judge/api/metrics?set=sample&ranking=default");

        Assert.Equal(200, status);
        Assert.Equal(("sample", "bm25-plain", "default", "ndcg@10"),
            (body.GetProperty("set").GetString(), body.GetProperty("a").GetString(), body.GetProperty("b").GetString(), body.GetProperty("metric").GetString()));
        var queries = body.GetProperty("queries").GetInt32();
        Assert.Equal(judgedQueries, queries);
        var perQuery = body.GetProperty("perQuery").EnumerateArray().ToList();
        Assert.Equal(queries, perQuery.Count);
        Assert.Equal(queries, body.GetProperty("wins").GetInt32() + body.GetProperty("ties").GetInt32() + body.GetProperty("losses").GetInt32());
        Assert.Equal(perQuery.Count(q => q.GetProperty("delta").GetDouble() > 1e-9), body.GetProperty("wins").GetInt32());
        var deltas = perQuery.Select(q => q.GetProperty("delta").GetDouble()).ToList();
        Assert.Equal(deltas.OrderDescending(), deltas);
        Assert.All(perQuery, q => Assert.Equal(q.GetProperty("b").GetDouble() - q.GetProperty("a").GetDouble(), q.GetProperty("delta").GetDouble(), 12));
        Assert.All(perQuery, q => Assert.False(string.IsNullOrEmpty(q.GetProperty("query").GetString())));
        Assert.Equal(perQuery.Average(q => q.GetProperty("a").GetDouble()), body.GetProperty("meanA").GetDouble(), 12);
        Assert.Equal(metricsA.GetProperty("metrics").GetProperty("ndcg@10").GetDouble(), body.GetProperty("meanA").GetDouble(), 12);
        Assert.Equal(metricsB.GetProperty("metrics").GetProperty("ndcg@10").GetDouble(), body.GetProperty("meanB").GetDouble(), 12);
        var p = body.GetProperty("pValue").GetDouble();
        Assert.InRange(p, 1.0 / 10_001, 1.0);
    }

    [Fact]
    public async Task FindsNoDifferenceBetweenARankingAndItself()
    {
        using var api = index.Open();
        var qrels = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "relevance", "sample-qrels.txt"));
        await api.PostJsonAsync("/judge/api/qrels", new { qrels });

        var (status, body, _) = await api.GetAsync("/judge/api/compare-set?set=sample&b=default&metric=" + Query("P@5"));

        Assert.Equal(200, status);
        Assert.Equal("default", body.GetProperty("a").GetString());
        Assert.Equal("p@5", body.GetProperty("metric").GetString());
        Assert.Equal(0, body.GetProperty("wins").GetInt32());
        Assert.Equal(0, body.GetProperty("losses").GetInt32());
        Assert.Equal(body.GetProperty("queries").GetInt32(), body.GetProperty("ties").GetInt32());
        Assert.Equal(1.0, body.GetProperty("pValue").GetDouble());
        Assert.All(body.GetProperty("perQuery").EnumerateArray(), q => Assert.Equal(0, q.GetProperty("delta").GetDouble()));
    }

    [Fact]
    public async Task AnswersCompareSetOfAnUnknownSetWith404()
    {
        using var api = index.Open();

        var (status, body, _) = await api.GetAsync("/judge/api/compare-set?set=nope&b=default");

        Assert.Equal(404, status);
        Assert.Equal("Query set not found", body.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
    }
}
