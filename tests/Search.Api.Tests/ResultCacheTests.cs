using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests;

/// <summary>#6: a repeated /search is answered from the result cache and says so; the cache is configured at start-up.</summary>
public sealed class ResultCacheTests : IDisposable
{
    private readonly ApiIndex _index = ApiIndex.WithTiny();

    public void Dispose() => _index.Dispose();

    private static List<string?> Ids(System.Text.Json.JsonElement body) =>
        body.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();

    [Fact]
    public async Task ASecondIdenticalSearchIsServedFromTheCache()
    {
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();
        var url = $"/search?q={Query("أسعار النفط")}&size=2";

        var (firstStatus, first, _) = await GetJsonAsync(client, url);
        var (secondStatus, second, _) = await GetJsonAsync(client, url);
        var (_, health, _) = await GetJsonAsync(client, "/health");

        Assert.Equal(200, firstStatus);
        Assert.Equal(200, secondStatus);
        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.NotEmpty(Ids(second));
        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.Equal(first.GetProperty("facets").ToString(), second.GetProperty("facets").ToString());
        var cache = health.GetProperty("resultCache");
        Assert.Equal(1024, cache.GetProperty("capacity").GetInt32());
        Assert.Equal(1, cache.GetProperty("entries").GetInt32());
        Assert.Equal(1, cache.GetProperty("hits").GetInt64());
        Assert.Equal(1, cache.GetProperty("misses").GetInt64());
        Assert.Equal(0, cache.GetProperty("evictions").GetInt64());
    }

    [Fact]
    public async Task RepeatedFacetValuesInAnotherOrderAreTheSameSearch()
    {
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();

        await GetJsonAsync(client, $"/search?q={Query("النفط")}&source={Query("الجزيرة")}&source={Query("العربية")}");
        var (_, reordered, _) = await GetJsonAsync(client, $"/search?q={Query("النفط")}&source={Query("العربية")}&source={Query("الجزيرة")}");
        var (_, narrower, _) = await GetJsonAsync(client, $"/search?q={Query("النفط")}&source={Query("العربية")}");

        Assert.True(reordered.GetProperty("cached").GetBoolean());
        Assert.False(narrower.GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task ZeroEntriesTurnsTheCacheOff()
    {
        using var factory = new ApiFactory(_index.Root, new Dictionary<string, string> { [SearchApiApplication.ResultCacheEntriesKey] = "0" });
        using var client = factory.CreateClient();
        var url = $"/search?q={Query("أسعار النفط")}";

        var (_, first, _) = await GetJsonAsync(client, url);
        var (_, second, _) = await GetJsonAsync(client, url);
        var (_, health, _) = await GetJsonAsync(client, "/health");

        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.False(second.GetProperty("cached").GetBoolean());
        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(0, health.GetProperty("resultCache").GetProperty("capacity").GetInt32());
        Assert.Equal(0, health.GetProperty("resultCache").GetProperty("hits").GetInt64());
    }

    [Fact]
    public async Task TheConfiguredNumberOfEntriesBoundsTheCache()
    {
        using var factory = new ApiFactory(_index.Root, new Dictionary<string, string> { [SearchApiApplication.ResultCacheEntriesKey] = " 2 " });
        using var client = factory.CreateClient();

        foreach (var word in new[] { "النفط", "الخليج", "نقابة" })
        {
            await GetJsonAsync(client, $"/search?q={Query(word)}");
        }

        var (_, health, _) = await GetJsonAsync(client, "/health");
        Assert.Equal(2, health.GetProperty("resultCache").GetProperty("capacity").GetInt32());
        Assert.Equal(2, health.GetProperty("resultCache").GetProperty("entries").GetInt32());
        Assert.Equal(1, health.GetProperty("resultCache").GetProperty("evictions").GetInt64());
    }
}
