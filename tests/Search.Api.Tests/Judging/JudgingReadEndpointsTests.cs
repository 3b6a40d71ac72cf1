using System.Security.Cryptography;
using System.Text;
using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Judging;

public sealed class JudgingReadEndpointsTests(SampleIndexFixture index) : IClassFixture<SampleIndexFixture>
{
    // s02 of the sample topics: several economy articles match it.
    private const string Economy = "نمو اقتصاد البلاد في الربع الاول";

    [Fact]
    public async Task ListsRankingsWithTheServedOneCurrentAndStockUnavailable()
    {
        using var api = index.Open();

        var (status, body, _) = await api.GetAsync("/judge/api/rankings");

        Assert.Equal(200, status);
        Assert.Equal("default", body.GetProperty("current").GetString());
        Assert.False(body.GetProperty("writeKeyRequired").GetBoolean());
        var rankings = body.GetProperty("rankings").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(["default", "stock", "bm25-plain"], rankings.Keys);
        Assert.True(rankings["default"].GetProperty("available").GetBoolean());
        Assert.Equal("news", rankings["bm25-plain"].GetProperty("profile").GetString());
        Assert.True(rankings["bm25-plain"].GetProperty("available").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rankings["bm25-plain"].GetProperty("reason").ValueKind);
        Assert.False(rankings["stock"].GetProperty("available").GetBoolean());
        Assert.Equal("stock", rankings["stock"].GetProperty("profile").GetString());
        Assert.Contains("\"stock\" analysis profile", rankings["stock"].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsABrokenRankingFileAsUnavailableWithItsProblem()
    {
        using var rankings = new TempFolder();
        File.WriteAllText(Path.Combine(rankings.Path, "broken.json"), "{ \"k1\": \"high\" }");
        File.WriteAllText(Path.Combine(rankings.Path, "stock.json"), File.ReadAllText(Path.Combine(SampleIndexFixture.RepositoryRoot, "index-data", "rankings", "bm25-plain.json")));
        using var api = index.Open(new Dictionary<string, string> { [Api.Judging.JudgingSettings.RankingsPathKey] = rankings.Path });

        var (status, body, _) = await api.GetAsync("/judge/api/rankings");

        Assert.Equal(200, status);
        var listed = body.GetProperty("rankings").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(["default", "stock", "broken", "stock"], listed);
        var broken = body.GetProperty("rankings")[2];
        Assert.False(broken.GetProperty("available").GetBoolean());
        Assert.StartsWith("broken.json:", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("built-in", body.GetProperty("rankings")[3].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var (badStatus, _, _) = await api.GetAsync("/judge/api/results?q=x&ranking=broken");
        Assert.Equal(400, badStatus);
    }

    [Fact]
    public async Task ListsTheShippedSampleSetAsAFileSet()
    {
        using var api = index.Open();
        await api.JudgeAsync("s01", "المركزي يبقي الفائدة دون تغيير", "sample-0001", 2);

        var (status, body, _) = await api.GetAsync("/judge/api/query-sets");

        Assert.Equal(200, status);
        var sample = Assert.Single(body.GetProperty("querySets").EnumerateArray());
        Assert.Equal("sample", sample.GetProperty("name").GetString());
        Assert.Equal("file", sample.GetProperty("origin").GetString());
        Assert.Equal(20, sample.GetProperty("queries").GetInt32());
        Assert.Equal(1, sample.GetProperty("judgedQueries").GetInt32());
    }

    [Fact]
    public async Task GetsOneSetWithJudgedCounts()
    {
        using var api = index.Open();
        await api.JudgeAsync("s03", "الذهب يسجل رقما قياسيا", "sample-0003", 2);
        await api.JudgeAsync("s03", "الذهب يسجل رقما قياسيا", "sample-0001", 0);

        var (status, body, _) = await api.GetAsync("/judge/api/query-sets/sample");
        var (missing, problem, contentType) = await api.GetAsync("/judge/api/query-sets/nope");
        var (bad, _, _) = await api.GetAsync("/judge/api/query-sets/" + Query("bad name"));

        Assert.Equal(200, status);
        Assert.Equal("file", body.GetProperty("origin").GetString());
        var queries = body.GetProperty("queries").EnumerateArray().ToList();
        Assert.Equal(20, queries.Count);
        Assert.Equal(("s01", "المركزي يبقي الفائدة دون تغيير", 0),
            (queries[0].GetProperty("id").GetString(), queries[0].GetProperty("text").GetString(), queries[0].GetProperty("judged").GetInt32()));
        Assert.Equal(2, queries[2].GetProperty("judged").GetInt32());
        Assert.Equal(404, missing);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("Query set not found", problem.GetProperty("title").GetString());
        Assert.Equal(400, bad);
    }

    [Fact]
    public async Task ReturnsResultsOfATypedQueryWithItsDerivedIdAndGrades()
    {
        using var api = index.Open();
        var expectedId = "q-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Economy)))[..10];

        var (status, body, _) = await api.GetAsync($"/judge/api/results?q={Query("  " + Economy + " ")}&size=5");
        var hits = body.GetProperty("hits").EnumerateArray().ToList();
        await api.JudgeAsync(expectedId, Economy, hits[1].GetProperty("id").GetString()!, 3);
        var (_, again, _) = await api.GetAsync($"/judge/api/results?q={Query(Economy)}&size=5");

        Assert.Equal(200, status);
        Assert.Equal(Economy, body.GetProperty("query").GetString());
        Assert.Equal(expectedId, body.GetProperty("queryId").GetString());
        Assert.Equal("default", body.GetProperty("ranking").GetString());
        Assert.True(body.GetProperty("total").GetInt32() >= 4);
        Assert.Equal([1, 2, 3, 4, 5], hits.Select(h => h.GetProperty("rank").GetInt32()));
        Assert.All(hits, h => Assert.Equal(System.Text.Json.JsonValueKind.Null, h.GetProperty("grade").ValueKind));
        Assert.All(hits, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("snippet").GetString())));
        Assert.Equal(
            ["rank", "id", "title", "titleHighlighted", "snippet", "source", "category", "date", "score", "grade"],
            hits[0].EnumerateObject().Select(p => p.Name));
        var graded = again.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("grade")).ToList();
        Assert.Equal(3, graded[1].GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, graded[0].ValueKind);
    }

    [Fact]
    public async Task SaysWhichNameVariantsTheSearchUsed()
    {
        using var folder = new TempFolder();
        var variants = Path.Combine(folder.Path, "variants.txt");
        File.WriteAllLines(variants, ["نمو ازدهار"]);
        using var api = index.Open(new Dictionary<string, string> { [SearchApiApplication.VariantsPathKey] = variants });
        using var plain = index.Open();

        var (status, body, _) = await api.GetAsync($"/judge/api/results?q={Query("نمو الاقتصاد")}");
        var (_, without, _) = await plain.GetAsync($"/judge/api/results?q={Query("نمو الاقتصاد")}");

        Assert.Equal(200, status);
        var use = Assert.Single(body.GetProperty("variants").EnumerateArray());
        Assert.Equal("نمو", use.GetProperty("word").GetString());
        Assert.Equal(["ازدهار"], use.GetProperty("spellings").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(0, without.GetProperty("variants").GetArrayLength());
    }

    [Fact]
    public async Task RanksLikeSearchWithTheServedRanking()
    {
        using var api = index.Open();

        var (_, judged, _) = await api.GetAsync($"/judge/api/results?q={Query(Economy)}&size=10");
        var (_, searched, _) = await api.GetAsync($"/search?q={Query(Economy)}&size=10");

        Assert.Equal(
            searched.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()),
            judged.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal(searched.GetProperty("total").GetInt32(), judged.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task LooksUpTheTextOfASetQueryById()
    {
        using var api = index.Open();

        var (status, body, _) = await api.GetAsync("/judge/api/results?qid=s17&ranking=bm25-plain");
        var (unknown, problem, _) = await api.GetAsync("/judge/api/results?qid=zz99");

        Assert.Equal(200, status);
        Assert.Equal("مستشفى اطفال جديد", body.GetProperty("query").GetString());
        Assert.Equal("s17", body.GetProperty("queryId").GetString());
        Assert.Equal("bm25-plain", body.GetProperty("ranking").GetString());
        Assert.Equal("sample-0031", body.GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.Equal(404, unknown);
        Assert.Equal("Query not found", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/judge/api/results", "q")]
    [InlineData("/judge/api/results?q=x&size=0", "size")]
    [InlineData("/judge/api/results?q=x&size=101", "size")]
    [InlineData("/judge/api/results?q=x&size=ten", "size")]
    [InlineData("/judge/api/results?q=x&ranking=nope", "ranking")]
    [InlineData("/judge/api/results?q=x&ranking=stock", "ranking")]
    [InlineData("/judge/api/results?q=x&ranking=..%2Fsecret", "ranking")]
    [InlineData("/judge/api/results?qid=a%20b", "qid")]
    [InlineData("/judge/api/results?q=x&qid=q-0123456789", "qid")]
    [InlineData("/judge/api/compare?q=x", "b")]
    [InlineData("/judge/api/compare?q=x&b=stock", "b")]
    [InlineData("/judge/api/compare?q=x&a=nope&b=default", "a")]
    [InlineData("/judge/api/metrics?ranking=stock", "ranking")]
    [InlineData("/judge/api/metrics?set=bad%20name", "set")]
    [InlineData("/judge/api/compare-set?b=default", "set")]
    [InlineData("/judge/api/compare-set?set=sample", "b")]
    [InlineData("/judge/api/compare-set?set=sample&b=default&metric=ndcg@1000", "metric")]
    [InlineData("/judge/api/compare-set?set=sample&b=default&metric=bleu", "metric")]
    [InlineData("/judge/api/judgments", "queryId")]
    [InlineData("/judge/api/qrels?set=a%2Fb", "set")]
    public async Task RejectsInvalidParametersWith400KeyedByName(string url, string key)
    {
        using var api = index.Open();

        var (status, body, contentType) = await api.GetAsync(url);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(body.GetProperty("errors").TryGetProperty(key, out _), body.ToString());
    }

    [Fact]
    public async Task AnswersAnUnusableQueryWithInvalidQuery()
    {
        using var api = index.Open();
        var words = string.Join(' ', Enumerable.Range(0, 40).Select(i => "كلمة" + i));

        var (status, body, _) = await api.GetAsync($"/judge/api/results?q={Query(words)}");

        Assert.Equal(400, status);
        Assert.Equal("Invalid query", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ComparesTwoRankingsWithConsistentOtherRanks()
    {
        using var api = index.Open();
        await api.JudgeAsync("s02", Economy, "sample-0002", 2);

        var (status, body, _) = await api.GetAsync($"/judge/api/compare?qid=s02&a=default&b=bm25-plain&size=20");

        Assert.Equal(200, status);
        Assert.Equal("s02", body.GetProperty("queryId").GetString());
        Assert.Equal(Economy, body.GetProperty("query").GetString());
        var a = body.GetProperty("a");
        var b = body.GetProperty("b");
        Assert.Equal("default", a.GetProperty("ranking").GetString());
        Assert.Equal("bm25-plain", b.GetProperty("ranking").GetString());
        var aHits = a.GetProperty("hits").EnumerateArray().ToList();
        var bHits = b.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(aHits);
        foreach (var (side, other) in new[] { (aHits, bHits), (bHits, aHits) })
        {
            var otherIds = other.Select(h => h.GetProperty("id").GetString()).ToList();
            foreach (var hit in side)
            {
                var id = hit.GetProperty("id").GetString();
                var otherRank = hit.GetProperty("otherRank");
                if (otherRank.ValueKind == System.Text.Json.JsonValueKind.Null)
                {
                    Assert.DoesNotContain(id, otherIds);
                }
                else
                {
                    var there = other[otherRank.GetInt32() - 1];
                    Assert.Equal(id, there.GetProperty("id").GetString());
                    Assert.Equal(hit.GetProperty("rank").GetInt32(), there.GetProperty("otherRank").GetInt32());
                }

                var grade = hit.GetProperty("grade");
                int? expected = id == "sample-0002" ? 2 : null;
                Assert.Equal(expected, grade.ValueKind == System.Text.Json.JsonValueKind.Null ? null : grade.GetInt32());
            }
        }

        // The two configurations really rank differently on this query (else the view would show nothing).
        Assert.NotEqual(
            aHits.Select(h => (h.GetProperty("id").GetString(), h.GetProperty("score").GetSingle())),
            bHits.Select(h => (h.GetProperty("id").GetString(), h.GetProperty("score").GetSingle())));
    }

    [Fact]
    public async Task ListsTheJudgmentsOfAQuery()
    {
        using var api = index.Open();
        await api.JudgeAsync("s05", "بكأس العالم", "sample-0007", 1);
        await api.JudgeAsync("s05", "بكأس العالم", "sample-0006", 3);

        var (status, body, _) = await api.GetAsync("/judge/api/judgments?queryId=s05");
        var (_, none, _) = await api.GetAsync("/judge/api/judgments?queryId=s06");

        Assert.Equal(200, status);
        Assert.Equal("s05", body.GetProperty("queryId").GetString());
        Assert.Equal(
            [("sample-0006", 3), ("sample-0007", 1)],
            body.GetProperty("judgments").EnumerateArray().Select(j => (j.GetProperty("docId").GetString(), j.GetProperty("grade").GetInt32())));
        Assert.Empty(none.GetProperty("judgments").EnumerateArray());
    }

    [Fact]
    public async Task ExportsSortedQrelsAsAnAttachment()
    {
        using var api = index.Open();
        await api.JudgeAsync("s10", "هجمات الكترونية على مواقع الحكومة", "sample-0012", 2);
        await api.JudgeAsync("s02", Economy, "sample-0002", 1);
        await api.JudgeAsync("s02", Economy, "sample-0001", 0);
        await api.JudgeAsync(JudgeId("خبر"), "خبر", "sample-0003", 0);

        using var all = await api.Client.GetAsync("/judge/api/qrels", TestContext.Current.CancellationToken);
        var text = await all.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var inSet = await api.Client.GetStringAsync("/judge/api/qrels?set=sample", TestContext.Current.CancellationToken);
        var (missing, _, _) = await api.GetAsync("/judge/api/qrels?set=nope");

        Assert.Equal(200, (int)all.StatusCode);
        Assert.Equal("text/plain", all.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", all.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("judgments.qrels", all.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal($"{JudgeId("خبر")} 0 sample-0003 0\ns02 0 sample-0001 0\ns02 0 sample-0002 1\ns10 0 sample-0012 2\n", text);
        Assert.Equal("s02 0 sample-0001 0\ns02 0 sample-0002 1\ns10 0 sample-0012 2\n", inSet);
        Assert.Equal(404, missing);
    }

    private static string JudgeId(string text) => Api.Judging.JudgingRules.AdHocQueryId(text);

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-api-tests", "rankings-" + Guid.NewGuid().ToString("N"));

        public TempFolder() => Directory.CreateDirectory(Path);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
