using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Api.Tests.Support;

namespace Search.Api.Tests;

public sealed class OpenApiSnapshotTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static async Task<JsonNode> GetDocumentAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task DescribesEveryEndpointAndParameter()
    {
        var document = await GetDocumentAsync(api.Client);

        var paths = document["paths"]!.AsObject();
        Assert.Equal(
            ["/search", "/suggest", "/documents/{id}", "/analyze", "/health", "/health/ready", "/health/live",
             "/judge/api/rankings", "/judge/api/results", "/judge/api/compare", "/judge/api/query-sets", "/judge/api/query-sets/{name}",
             "/judge/api/judgments", "/judge/api/qrels", "/judge/api/metrics", "/judge/api/compare-set"],
            paths.Select(p => p.Key));
        var search = paths["/search"]!["get"]!;
        Assert.Equal(
            ["q", "page", "size", "category", "source", "month", "from", "to", "sort", "recency", "correct", "collapse"],
            search["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        var suggest = paths["/suggest"]!["get"]!;
        Assert.Equal(["q", "size"], suggest["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.All(suggest["parameters"]!.AsArray(), p => Assert.False(string.IsNullOrEmpty(p!["description"]?.GetValue<string>())));
        Assert.NotNull(suggest["responses"]!["400"]);
        Assert.NotNull(suggest["responses"]!["503"]);
        Assert.All(search["parameters"]!.AsArray(), p => Assert.False(string.IsNullOrEmpty(p!["description"]?.GetValue<string>())));
        Assert.NotNull(search["responses"]!["200"]);
        Assert.NotNull(search["responses"]!["400"]);
        Assert.NotNull(search["responses"]!["503"]);
        Assert.NotNull(paths["/documents/{id}"]!["get"]!["responses"]!["404"]);

        // The workbench (#5): every operation named, tagged, summarized and described, every parameter described,
        // every write documented with its body and its refusals.
        var judging = paths.Where(p => p.Key.StartsWith("/judge/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();
        Assert.Equal(14, judging.Count);
        Assert.All(judging, o =>
        {
            Assert.Equal("Judging", o.Operation["tags"]![0]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(o.Operation["operationId"]?.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(o.Operation["summary"]?.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(o.Operation["description"]?.GetValue<string>()));
            Assert.All(o.Operation["parameters"]?.AsArray() ?? [], p => Assert.False(string.IsNullOrEmpty(p!["description"]?.GetValue<string>()), $"{o.Method} {o.Path} {p!["name"]}"));
        });
        var writes = judging.Where(o => o.Method is "put" or "post" or "delete").ToList();
        Assert.Equal(5, writes.Count);
        Assert.All(writes, o =>
        {
            Assert.Contains(o.Operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "X-Judge-Key");
            Assert.NotNull(o.Operation["responses"]!["401"]);
            Assert.NotNull(o.Operation["responses"]!["403"]);
        });
        Assert.All(writes.Where(o => o.Method != "delete"), o =>
        {
            Assert.NotNull(o.Operation["requestBody"]!["content"]!["application/json"]);
            Assert.NotNull(o.Operation["responses"]!["415"]);
        });
    }

    [Fact]
    public async Task MatchesCommittedSnapshot()
    {
        var actual = (await GetDocumentAsync(api.Client)).ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(ProjectDirectory(), "openapi.snapshot.json");

        // Regenerate deliberately with UPDATE_SNAPSHOTS=1 and review the diff like code.
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}; run the tests once with UPDATE_SNAPSHOTS=1.");
        var expected = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static string ProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Search.Api.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Search.Api.Tests.csproj not found above " + AppContext.BaseDirectory);
    }
}
