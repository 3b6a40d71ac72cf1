using System.Net.Http.Json;
using Search.Api.Judging;
using Search.Api.Tests.Support;

namespace Search.Api.Tests.Judging;

public sealed class JudgingWriteEndpointsTests(SampleIndexFixture index) : IClassFixture<SampleIndexFixture>
{
    private const string Key = "a long write key, 42";

    [Fact]
    public async Task StoresAJudgmentAndReplacesItsGrade()
    {
        using var api = index.Open();

        var (status, body, _) = await api.PutJsonAsync("/judge/api/judgments", new { queryId = "s01", query = "المركزي يبقي الفائدة", docId = "sample-0001", grade = 1 });
        var (again, _, _) = await api.PutJsonAsync("/judge/api/judgments", new { queryId = "s01", query = "المركزي يبقي الفائدة", docId = "sample-0001", grade = 3 });
        var (_, listed, _) = await api.GetAsync("/judge/api/judgments?queryId=s01");

        Assert.Equal(200, status);
        Assert.Equal(("s01", "sample-0001", 1), (body.GetProperty("queryId").GetString(), body.GetProperty("docId").GetString(), body.GetProperty("grade").GetInt32()));
        Assert.Equal(200, again);
        Assert.Equal(3, Assert.Single(listed.GetProperty("judgments").EnumerateArray()).GetProperty("grade").GetInt32());
    }

    [Fact]
    public async Task KeepsJudgmentsAcrossARestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "search-api-tests", "restart-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { [JudgingSettings.StorePathKey] = Path.Combine(folder, "judgments.db") };
        try
        {
            using (var first = index.Open(settings))
            {
                await first.JudgeAsync("s01", "المركزي يبقي الفائدة", "sample-0001", 2);
            }

            using var second = index.Open(settings);
            var (_, body, _) = await second.GetAsync("/judge/api/judgments?queryId=s01");

            Assert.Equal(2, Assert.Single(body.GetProperty("judgments").EnumerateArray()).GetProperty("grade").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static TheoryData<string, string> InvalidJudgments => new()
    {
        { """{"queryId":"s01","query":"نص","docId":"sample-0001","grade":4}""", "grade" },
        { """{"queryId":"s01","query":"نص","docId":"sample-0001","grade":-1}""", "grade" },
        { """{"queryId":"s01","query":"نص","docId":"sample-0001"}""", "grade" },
        { """{"query":"نص","docId":"sample-0001","grade":1}""", "queryId" },
        { """{"queryId":"s 01","query":"نص","docId":"sample-0001","grade":1}""", "queryId" },
        { """{"queryId":"s01\u0007","query":"نص","docId":"sample-0001","grade":1}""", "queryId" },
        { """{"queryId":"q-0123456789","query":"نص","docId":"sample-0001","grade":1}""", "queryId" },
        { """{"queryId":"s01","query":"  ","docId":"sample-0001","grade":1}""", "query" },
        { """{"queryId":"s01","docId":"sample-0001","grade":1}""", "query" },
        { """{"queryId":"s01","query":"نص","docId":"sample 0001","grade":1}""", "docId" },
        { """{"queryId":"s01","query":"نص","grade":1}""", "docId" },
    };

    [Theory]
    [MemberData(nameof(InvalidJudgments))]
    public async Task RejectsAnInvalidJudgmentWith400KeyedByField(string json, string field)
    {
        using var api = index.Open();

        var (status, body, contentType) = await api.SendAsync(HttpMethod.Put, "/judge/api/judgments", JudgingApi.Text(json, "application/json"));

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Empty(new JudgmentStore(api.StorePath).All());
    }

    [Theory]
    [InlineData("""{"queryId":"s01","grade":"two"}""")]
    [InlineData("""{"queryId":"s01","query":"نص","docId":"\ud800","grade":1}""")]
    [InlineData("""{"queryId":"s01","grade":2.5}""")]
    [InlineData("""{"queryId":""")]
    [InlineData("null")]
    public async Task RejectsMalformedJsonWith400(string json)
    {
        using var api = index.Open();

        var (status, body, _) = await api.SendAsync(HttpMethod.Put, "/judge/api/judgments", JudgingApi.Text(json, "application/json"));

        Assert.Equal(400, status);
        Assert.Equal("Invalid JSON body", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task RejectsAJudgmentOfAnUnknownDocumentWith404()
    {
        using var api = index.Open();

        var (status, body, _) = await api.PutJsonAsync("/judge/api/judgments", new { queryId = "s01", query = "نص", docId = "no-such-doc", grade = 2 });

        Assert.Equal(404, status);
        Assert.Equal("Document not found", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DeletesAJudgmentThen404s()
    {
        using var api = index.Open();
        await api.JudgeAsync("s01", "نص", "sample-0001", 2);

        var (first, _, _) = await api.DeleteAsync("/judge/api/judgments?queryId=s01&docId=sample-0001");
        var (second, body, _) = await api.DeleteAsync("/judge/api/judgments?queryId=s01&docId=sample-0001");
        var (bad, _, _) = await api.DeleteAsync("/judge/api/judgments?queryId=s01");

        Assert.Equal(204, first);
        Assert.Equal(404, second);
        Assert.Equal("Judgment not found", body.GetProperty("title").GetString());
        Assert.Equal(400, bad);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task RefusesAWriteThatIsNotJsonWith415(string mediaType)
    {
        using var api = index.Open();
        const string json = """{"queryId":"s01","query":"نص","docId":"sample-0001","grade":1}""";

        var (judgment, body, contentType) = await api.SendAsync(HttpMethod.Put, "/judge/api/judgments", JudgingApi.Text(json, mediaType));
        var (qrels, _, _) = await api.SendAsync(HttpMethod.Post, "/judge/api/qrels", JudgingApi.Text("""{"qrels":"s01 0 sample-0001 1"}""", mediaType));
        var (set, _, _) = await api.SendAsync(HttpMethod.Put, "/judge/api/query-sets/mine", JudgingApi.Text("""{"tsv":"a\tb"}""", mediaType));

        Assert.Equal(415, judgment);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(415, body.GetProperty("status").GetInt32());
        Assert.Equal(415, qrels);
        Assert.Equal(415, set);
        Assert.Empty(new JudgmentStore(api.StorePath).All());
    }

    [Fact]
    public async Task RequiresTheWriteKeyWhenOneIsSet()
    {
        using var api = index.Open(new Dictionary<string, string> { [JudgingSettings.WriteKeyKey] = Key });
        var judgment = new { queryId = "s01", query = "نص", docId = "sample-0001", grade = 2 };

        var (missing, missingBody, contentType) = await api.PutJsonAsync("/judge/api/judgments", judgment);
        var (wrong, wrongBody, _) = await api.PutJsonAsync("/judge/api/judgments", judgment, "a long write key, 43");
        var (importWithout, _, _) = await api.PostJsonAsync("/judge/api/qrels", new { qrels = "s01 0 sample-0001 1" });
        var (uploadWithout, _, _) = await api.PutJsonAsync("/judge/api/query-sets/mine", new { tsv = "m1\tنص" });
        var (deleteWithout, _, _) = await api.DeleteAsync("/judge/api/judgments?queryId=s01&docId=sample-0001");
        var (notJsonWithout, _, _) = await api.SendAsync(HttpMethod.Put, "/judge/api/judgments", JudgingApi.Text("x", "text/plain"));
        var (right, _, _) = await api.PutJsonAsync("/judge/api/judgments", judgment, Key);
        var (deleteRight, _, _) = await api.DeleteAsync("/judge/api/judgments?queryId=s01&docId=sample-0001", Key);
        var (read, rankings, _) = await api.GetAsync("/judge/api/rankings");

        Assert.Equal(401, missing);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("Write key required", missingBody.GetProperty("title").GetString());
        Assert.Equal(401, wrong);
        Assert.Equal("Invalid write key", wrongBody.GetProperty("title").GetString());
        Assert.Equal(401, importWithout);
        Assert.Equal(401, uploadWithout);
        Assert.Equal(401, deleteWithout);
        Assert.Equal(415, notJsonWithout); // routing refuses a body of another type before the endpoint runs
        Assert.Equal(200, right);
        Assert.Equal(204, deleteRight);
        Assert.Equal(200, read);
        Assert.True(rankings.GetProperty("writeKeyRequired").GetBoolean());
    }

    // #19: behind a balancer the API is reachable from anywhere; without a key only its own machine may write.
    [Fact]
    public async Task WithoutAWriteKeyRefusesWritesFromAnotherMachineAndNamesTheKey()
    {
        using var api = index.Open(peer: System.Net.IPAddress.Parse("203.0.113.7"));
        var judgment = new { queryId = "s01", query = "نص", docId = "sample-0001", grade = 2 };

        var (put, putBody, contentType) = await api.PutJsonAsync("/judge/api/judgments", judgment);
        var (import, _, _) = await api.PostJsonAsync("/judge/api/qrels", new { qrels = "s01 0 sample-0001 1" });
        var (upload, _, _) = await api.PutJsonAsync("/judge/api/query-sets/mine", new { tsv = "m1\tنص" });
        var (deleteJudgment, _, _) = await api.DeleteAsync("/judge/api/judgments?queryId=s01&docId=sample-0001");
        var (deleteSet, _, _) = await api.DeleteAsync("/judge/api/query-sets/mine");
        var (read, stored, _) = await api.GetAsync("/judge/api/judgments?queryId=s01");

        Assert.Equal(403, put);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains(JudgingSettings.WriteKeyKey, putBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(JudgingSettings.WriteKeyHeader, putBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([403, 403, 403, 403], new[] { import, upload, deleteJudgment, deleteSet });
        Assert.Equal(200, read);
        Assert.Empty(stored.GetProperty("judgments").EnumerateArray());
    }

    [Fact]
    public async Task WithAWriteKeyAcceptsWritesFromAnotherMachineThatSendsIt()
    {
        using var api = index.Open(new Dictionary<string, string> { [JudgingSettings.WriteKeyKey] = Key }, System.Net.IPAddress.Parse("203.0.113.7"));
        var judgment = new { queryId = "s01", query = "نص", docId = "sample-0001", grade = 2 };

        var (without, _, _) = await api.PutJsonAsync("/judge/api/judgments", judgment);
        var (with, _, _) = await api.PutJsonAsync("/judge/api/judgments", judgment, Key);

        Assert.Equal(401, without);
        Assert.Equal(200, with);
    }

    [Fact]
    public async Task CapsTheBodyOfAnImportAtTheRequestBodyLimit()
    {
        using var api = index.Open(new Dictionary<string, string> { [ApiProtection.MaxRequestBodyBytesKey] = "2000" });
        var small = string.Concat(Enumerable.Repeat("s01 0 sample-0001 1\n", 50));
        var large = string.Concat(Enumerable.Repeat("s01 0 sample-0001 1\n", 150));

        var (accepted, _, _) = await api.PostJsonAsync("/judge/api/qrels", new { qrels = small });
        var (refused, body, _) = await api.PostJsonAsync("/judge/api/qrels", new { qrels = large });
        using var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(new { qrels = large }))));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var (refusedChunked, _, _) = await api.SendAsync(HttpMethod.Post, "/judge/api/qrels", chunked);

        Assert.Equal(200, accepted);
        Assert.Equal(413, refused);
        Assert.Equal("Request body too large", body.GetProperty("title").GetString());
        Assert.Equal(413, refusedChunked);
    }

    [Fact]
    public async Task ImportsQrelsReportingBadLinesAndExportsThemBack()
    {
        using var api = index.Open();
        const string qrels = "s01 0 sample-0001 2\ns01 0 sample-0015 0\ns02 0 sample-0002 4\ns02 0 sample-0002\ns03 Q0 sample-0003 1\n\ns04 0 sample-0004 -1\n";

        var (status, body, _) = await api.PostJsonAsync("/judge/api/qrels", new { qrels });
        var exported = await api.Client.GetStringAsync("/judge/api/qrels", TestContext.Current.CancellationToken);
        var (missing, _, _) = await api.PostJsonAsync("/judge/api/qrels", new { text = qrels });

        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        Assert.Equal(
            [(3, "grade 4 is out of range: it must be an integer from 0 to 3."), (4, "expected 4 columns (qid iter docid grade), found 3"), (7, "grade -1 is out of range: it must be an integer from 0 to 3.")],
            body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("reason").GetString())));
        Assert.Equal("s01 0 sample-0001 2\ns01 0 sample-0015 0\ns03 0 sample-0003 1\n", exported);
        Assert.Equal(400, missing);
    }

    [Fact]
    public async Task RoundTripsTheProjectsSampleQrels()
    {
        using var api = index.Open();
        var qrels = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "relevance", "sample-qrels.txt"));

        var (status, body, _) = await api.PostJsonAsync("/judge/api/qrels", new { qrels });
        var exported = await api.Client.GetStringAsync("/judge/api/qrels", TestContext.Current.CancellationToken);

        Assert.Equal(200, status);
        Assert.Empty(body.GetProperty("errors").EnumerateArray());
        static IEnumerable<string> Lines(string text) =>
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', '\t').Where(c => c.Length > 0))).Order(StringComparer.Ordinal);
        Assert.Equal(Lines(qrels), Lines(exported));
        Assert.Equal(Lines(qrels).Count(), body.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task UploadsAQuerySetAndReplacesIt()
    {
        using var api = index.Open();

        var (status, body, _) = await api.PutJsonAsync("/judge/api/query-sets/my-set_1.0", new { tsv = "m1\tالذهب\nno tab\nm2\tالنفط\nm1\tمكرر\nm 3\tنص\n" });
        var (_, listed, _) = await api.GetAsync("/judge/api/query-sets");
        var (_, set, _) = await api.GetAsync("/judge/api/query-sets/my-set_1.0");
        var (replaced, _, _) = await api.PutJsonAsync("/judge/api/query-sets/my-set_1.0", new { tsv = "m9\tالقمر\n" });
        var (_, after, _) = await api.GetAsync("/judge/api/query-sets/my-set_1.0");
        var (_, results, _) = await api.GetAsync("/judge/api/results?qid=m9");

        Assert.Equal(200, status);
        Assert.Equal("my-set_1.0", body.GetProperty("name").GetString());
        Assert.Equal(2, body.GetProperty("queries").GetInt32());
        Assert.Equal([2, 4, 5], body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(["sample", "my-set_1.0"], listed.GetProperty("querySets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("uploaded", listed.GetProperty("querySets")[1].GetProperty("origin").GetString());
        Assert.Equal([("m1", "الذهب"), ("m2", "النفط")], set.GetProperty("queries").EnumerateArray().Select(q => (q.GetProperty("id").GetString(), q.GetProperty("text").GetString())));
        Assert.Equal(200, replaced);
        Assert.Equal(["m9"], after.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        Assert.Equal("القمر", results.GetProperty("query").GetString());
    }

    [Fact]
    public async Task RemovesAnUploadedSetButKeepsItsJudgmentsAndRefusesFileSets()
    {
        using var api = index.Open(new Dictionary<string, string> { [JudgingSettings.WriteKeyKey] = Key });
        await api.PutJsonAsync("/judge/api/query-sets/mine", new { tsv = "m1\tالذهب\n" }, Key);
        await api.JudgeAsync("m1", "الذهب", "sample-0001", 3, Key);

        var (withoutKey, _, _) = await api.DeleteAsync("/judge/api/query-sets/mine");
        var (removed, _, _) = await api.DeleteAsync("/judge/api/query-sets/mine", Key);
        var (again, againBody, _) = await api.DeleteAsync("/judge/api/query-sets/mine", Key);
        var (fileSet, fileBody, _) = await api.DeleteAsync("/judge/api/query-sets/sample", Key);
        var (_, listed, _) = await api.GetAsync("/judge/api/query-sets");
        var (_, judgments, _) = await api.GetAsync("/judge/api/judgments?queryId=m1");

        Assert.Equal(401, withoutKey);
        Assert.Equal(204, removed);
        Assert.Equal(404, again);
        Assert.Equal("Query set not found", againBody.GetProperty("title").GetString());
        Assert.Equal(400, fileSet);
        Assert.True(fileBody.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(["sample"], listed.GetProperty("querySets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(3, judgments.GetProperty("judgments")[0].GetProperty("grade").GetInt32());
    }

    [Theory]
    [InlineData("sample", """{"tsv":"a\tb"}""", "name")]
    [InlineData("bad%20name", """{"tsv":"a\tb"}""", "name")]
    [InlineData("this-name-is-far-too-long-for-a-query-set-name-because-it-has-over-64-chars", """{"tsv":"a\tb"}""", "name")]
    [InlineData("mine", """{"tsv":"no tabs here\n\n"}""", "tsv")]
    [InlineData("mine", """{"tsv":""}""", "tsv")]
    [InlineData("mine", """{}""", "tsv")]
    public async Task RejectsABadUploadWith400(string name, string json, string field)
    {
        using var api = index.Open();

        var (status, body, _) = await api.SendAsync(HttpMethod.Put, "/judge/api/query-sets/" + name, JudgingApi.Text(json, "application/json"));

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Empty(new JudgmentStore(api.StorePath).ListQuerySets());
    }

    [Fact]
    public async Task AnswersAnUnusableStoreWith503()
    {
        var folder = Path.Combine(Path.GetTempPath(), "search-api-tests", "blocked-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var blocker = Path.Combine(folder, "file");
        File.WriteAllText(blocker, "a file where the store's folder should be");
        try
        {
            using var api = index.Open(new Dictionary<string, string> { [JudgingSettings.StorePathKey] = Path.Combine(blocker, "judgments.db") });

            var (write, body, _) = await api.PutJsonAsync("/judge/api/judgments", new { queryId = "s01", query = "نص", docId = "sample-0001", grade = 2 });
            var (read, _, _) = await api.GetAsync("/judge/api/judgments?queryId=s01");

            Assert.Equal(503, write);
            Assert.Equal("Judgment store unavailable", body.GetProperty("title").GetString());
            Assert.Equal(503, read);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
