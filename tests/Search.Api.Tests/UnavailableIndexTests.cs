using Search.Api.Tests.Support;
using Search.Core.Schema;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests;

public sealed class UnavailableIndexTests : IDisposable
{
    private readonly ApiIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("/health")]
    [InlineData("/search?q=x")]
    [InlineData("/documents/t01")]
    public async Task Answers503WhenIndexIsMissing(string url)
    {
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();

        var (status, body, contentType) = await GetJsonAsync(client, url);

        Assert.Equal(503, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("Index unavailable", body.GetProperty("title").GetString());
        Assert.Equal("missing", body.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/search?q=x")]
    [InlineData("/documents/t01")]
    public async Task Answers503WhenSchemaVersionDiffers(string url)
    {
        _index.Build([new NewsArticle("t01", "نص")], new Dictionary<string, string> { [IndexVersion.SchemaKey] = "999" });
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();

        var (status, body, _) = await GetJsonAsync(client, url);

        Assert.Equal(503, status);
        Assert.Equal("schemaMismatch", body.GetProperty("state").GetString());
        Assert.Equal(999, body.GetProperty("schemaVersion").GetInt32());
        Assert.Contains("schema version 999", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzesWithoutIndex()
    {
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();

        var (status, _, _) = await GetJsonAsync(client, "/analyze?text=x");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task ServesIndexCreatedAfterStartWithoutRestart()
    {
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();
        var (before, _, _) = await GetJsonAsync(client, "/health");

        _index.Build([new NewsArticle("late", "وصل الخبر متأخرا")]);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        int after;
        do
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            (after, _, _) = await GetJsonAsync(client, "/health");
        }
        while (after != 200 && DateTime.UtcNow < deadline);

        Assert.Equal(503, before);
        Assert.Equal(200, after);
        Assert.Equal(200, (await GetJsonAsync(client, "/documents/late")).Status);
    }
}
