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
        Assert.Equal(["/search", "/suggest", "/documents/{id}", "/analyze", "/health", "/health/ready", "/health/live"], paths.Select(p => p.Key));
        var search = paths["/search"]!["get"]!;
        Assert.Equal(
            ["q", "page", "size", "category", "source", "month", "from", "to", "sort", "recency"],
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
