using System.Text.Json;
using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Endpoints;

public sealed class SearchEndpointsTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task ReturnsPageWithHitsAndFacets()
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/search?q={Query("أسعار النفط الخليج")}&size=2");

        Assert.Equal(200, status);
        Assert.Equal("أسعار النفط الخليج", body.GetProperty("query").GetString());
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        Assert.True(body.GetProperty("tookMs").GetDouble() >= 0);
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(2, body.GetProperty("size").GetInt32());
        var hit = body.GetProperty("hits")[0];
        Assert.Equal(2, body.GetProperty("hits").GetArrayLength());
        Assert.Equal("t01", hit.GetProperty("id").GetString());
        Assert.Equal("أسعار النفط ترتفع في أسواق الخليج", hit.GetProperty("title").GetString());
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal("اقتصاد", hit.GetProperty("category").GetString());
        Assert.Equal("الجزيرة", hit.GetProperty("source").GetString());
        Assert.Equal("https://example.com/t01", hit.GetProperty("url").GetString());
        Assert.Equal("2024-03-10", hit.GetProperty("date").GetString());
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        var category = body.GetProperty("facets").GetProperty("category")[0];
        Assert.Equal("اقتصاد", category.GetProperty("value").GetString());
        Assert.Equal(3, category.GetProperty("count").GetInt32());
        Assert.Equal(3, body.GetProperty("facets").GetProperty("source").GetArrayLength());
    }

    [Fact]
    public async Task FiltersAndSortsByDate()
    {
        var (status, body, _) = await GetJsonAsync(_client,
            $"/search?category={Query("اقتصاد")}&from=2024-03-01&to=2024-03-12&sort=date");

        Assert.Equal(200, status);
        Assert.Equal(["t02", "t01"], body.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("size=0", "size")]
    [InlineData("size=101", "size")]
    [InlineData("size=ten", "size")]
    [InlineData("page=0", "page")]
    [InlineData("page=-3", "page")]
    [InlineData("page=x", "page")]
    [InlineData("page=101&size=100", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2024-13-01", "from")]
    [InlineData("to=2024-02-30", "to")]
    [InlineData("from=2024-05-01&to=2024-04-01", "from")]
    [InlineData("sort=oldest", "sort")]
    public async Task RejectsParameterOverLimitsKeyedByName(string parameters, string key)
    {
        var (status, body, contentType) = await GetJsonAsync(_client, $"/search?q=x&{parameters}");

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(body.GetProperty("errors").TryGetProperty(key, out var messages), body.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task RejectsQueryLongerThanThousandCharacters()
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/search?q={new string('ب', 1001)}");

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task AnswersInvalidQueryWithPosition()
    {
        var words = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}"));

        var (status, body, contentType) = await GetJsonAsync(_client, $"/search?q={Query(words)}");

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("Invalid query", body.GetProperty("title").GetString());
        Assert.Contains("position", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(words.IndexOf("w32", StringComparison.Ordinal), body.GetProperty("position").GetInt32());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("(((")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("OR")]
    [InlineData("title:x")]
    [InlineData("?~^2 [a TO b] {c} && || ! \\")]
    [InlineData("-\"")]
    [InlineData("\u200f\u200d النفط \u202e")]
    [InlineData("🙂 النفط")]
    public async Task NeverFailsOnHostileQuery(string q)
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/search?q={Query(q)}");

        Assert.Equal(200, status);
        Assert.True(body.GetProperty("total").GetInt32() >= 0);
    }

    [Fact]
    public async Task NeverFailsOnThousandQuotes()
    {
        var (status, _, _) = await GetJsonAsync(_client, $"/search?q={Query(new string('"', 1000))}");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task UsesCamelCaseForEveryProperty()
    {
        using var response = await _client.GetAsync("/search?q=x", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(text);
        // didYouMean and searchedQuery (they follow corrected) are left out when there is none.
        Assert.Equal(["query", "total", "tookMs", "page", "size", "hits", "facets", "corrected", "timedOut", "cached", "collapsed"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
