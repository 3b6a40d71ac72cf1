using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Endpoints;

public sealed class HealthEndpointsTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    [Fact]
    public async Task ReportsDocumentCountAndSchemaVersion()
    {
        var (status, body, _) = await GetJsonAsync(api.Client, "/health");

        Assert.Equal(200, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(13, body.GetProperty("documentCount").GetInt32());
        Assert.Equal(Search.Core.Schema.IndexVersion.Schema, body.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("gen-000001", body.GetProperty("generation").GetString());
    }

    [Fact]
    public async Task ReportsTheResultCache()
    {
        var (status, body, _) = await GetJsonAsync(api.Client, "/health");

        Assert.Equal(200, status);
        var cache = body.GetProperty("resultCache");
        Assert.Equal(Search.Querying.NewsSearcherOptions.DefaultResultCacheEntries, cache.GetProperty("capacity").GetInt32());
        Assert.All(["entries", "hits", "misses", "evictions"], name => Assert.True(cache.GetProperty(name).GetInt64() >= 0, name));
    }
}
