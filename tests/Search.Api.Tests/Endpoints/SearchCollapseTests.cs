using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Endpoints;

/// <summary><c>GET /search</c> over tests/TestData/collapsing/stories.jsonl: five copies of one story (a1–a5), two of another (b1, b2).</summary>
public sealed class SearchCollapseTests : IDisposable
{
    private readonly ApiIndex _index = new();
    private readonly ApiFactory _factory;
    private readonly HttpClient _client;

    public SearchCollapseTests()
    {
        _index.Build(ApiIndex.LoadJsonLines(Path.Combine(AppContext.BaseDirectory, "TestData", "collapsing", "stories.jsonl")));
        _factory = new ApiFactory(_index.Root);
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task ShowsOneHitPerStoryWithItsCopies()
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/search?q={Query("أوبك النفط")}");

        Assert.Equal(200, status);
        Assert.True(body.GetProperty("collapsed").GetBoolean());
        Assert.Equal(5, body.GetProperty("total").GetInt32());
        var hit = Assert.Single(body.GetProperty("hits").EnumerateArray());
        Assert.Equal(4, hit.GetProperty("copyCount").GetInt32());
        var copies = hit.GetProperty("copies").EnumerateArray().ToList();
        Assert.Equal(4, copies.Count);
        var a3 = copies.Single(copy => copy.GetProperty("id").GetString() == "a3");
        Assert.Equal("wire-two", a3.GetProperty("source").GetString());
        Assert.Equal("economy", a3.GetProperty("category").GetString());
        Assert.Equal("https://example.com/wire-two/a3", a3.GetProperty("url").GetString());
        Assert.Equal("2018-05-01T12:00:00Z", a3.GetProperty("date").GetString());
    }

    [Fact]
    public async Task ListsEveryArticleWithCollapseFalse()
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/search?q={Query("أوبك النفط")}&collapse=false");

        Assert.Equal(200, status);
        Assert.False(body.GetProperty("collapsed").GetBoolean());
        Assert.Equal(5, body.GetProperty("hits").GetArrayLength());
        Assert.All(body.GetProperty("hits").EnumerateArray(), hit => Assert.Equal(0, hit.GetProperty("copies").GetArrayLength()));
    }

    [Fact]
    public async Task RefusesACollapseValueThatIsNotABoolean()
    {
        var (status, body, contentType) = await GetJsonAsync(_client, $"/search?q={Query("النفط")}&collapse=maybe");

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("collapse must be true or false.", body.GetProperty("errors").GetProperty("collapse")[0].GetString());
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _index.Dispose();
    }
}
