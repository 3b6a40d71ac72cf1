using System.Text.Json;
using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Endpoints;

/// <summary>/suggest and what /search adds for the search box (#4), over HTTP.</summary>
public sealed class SearchBoxEndpointsTests(SearchBoxApiFixture api) : IClassFixture<SearchBoxApiFixture>
{
    private readonly HttpClient _client = api.Client;

    private static Dictionary<string, int> Facet(JsonElement body, string name) =>
        body.GetProperty("facets").GetProperty(name).EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());

    [Fact]
    public async Task SuggestsCompletionsWhateverTheSpelling()
    {
        var (status, body, contentType) = await GetJsonAsync(_client, $"/suggest?q={Query("اسلا")}&size=5");

        Assert.Equal(200, status);
        Assert.Equal("application/json", contentType);
        Assert.Equal("اسلا", body.GetProperty("query").GetString());
        var suggestions = body.GetProperty("suggestions");
        Assert.InRange(suggestions.GetArrayLength(), 1, 5);
        Assert.Equal("الإسلام", suggestions[0].GetProperty("text").GetString());
        Assert.Equal("word", suggestions[0].GetProperty("kind").GetString());
        Assert.False(suggestions[0].TryGetProperty("id", out _));
    }

    [Fact]
    public async Task SuggestsHeadlinesWithTheirIds()
    {
        var (_, body, _) = await GetJsonAsync(_client, $"/suggest?q={Query("كاس العالم ت")}");

        var title = body.GetProperty("suggestions").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "title");
        Assert.Equal("كأس العالم تنطلق في موسكو", title.GetProperty("text").GetString());
        Assert.Equal("s02", title.GetProperty("id").GetString());
    }

    [Fact]
    public async Task SuggestsNothingForEmptyText()
    {
        var (status, body, _) = await GetJsonAsync(_client, "/suggest?q=");

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("suggestions").GetArrayLength());
    }

    [Theory]
    [InlineData("size=0", "size")]
    [InlineData("size=21", "size")]
    [InlineData("size=many", "size")]
    public async Task RejectsSuggestParametersKeyedByName(string parameters, string key)
    {
        var (status, body, contentType) = await GetJsonAsync(_client, $"/suggest?q=x&{parameters}");

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(body.GetProperty("errors").TryGetProperty(key, out _));
    }

    [Fact]
    public async Task RejectsSuggestTextOverTwoHundredCharacters()
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/suggest?q={new string('ب', 201)}");

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task FiltersWithRepeatedParametersAndCountsFacetsMultiSelect()
    {
        var (status, body, _) = await GetJsonAsync(_client,
            $"/search?q={Query("الحكومة")}&category=economy&category=politic&source=skynews");

        Assert.Equal(200, status);

        // (economy OR politic) AND skynews: s08 only.
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal("s08", body.GetProperty("hits")[0].GetProperty("id").GetString());

        // Categories counted under source=skynews only; sources under (economy OR politic) only.
        Assert.Equal(new Dictionary<string, int> { ["sport"] = 1, ["economy"] = 1, ["internationalNews"] = 1 }, Facet(body, "category"));
        Assert.Equal(new Dictionary<string, int> { ["cnn"] = 2, ["skynews"] = 1, ["bbc"] = 1 }, Facet(body, "source"));
        Assert.Equal(new Dictionary<string, int> { ["2018-02"] = 1 }, Facet(body, "month"));
    }

    [Fact]
    public async Task FiltersByMonth()
    {
        var (_, body, _) = await GetJsonAsync(_client, $"/search?q={Query("الحكومة")}&month=2018-02&size=20");

        Assert.Equal(["s06", "s08", "s09"], body.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task OffersDidYouMean()
    {
        var (_, body, _) = await GetJsonAsync(_client, $"/search?q={Query("الحكومت الجديدة")}");

        Assert.Equal("الحكومة الجديدة", body.GetProperty("didYouMean").GetString());
        Assert.False(body.GetProperty("corrected").GetBoolean());
        Assert.False(body.TryGetProperty("searchedQuery", out _));
    }

    [Fact]
    public async Task SaysWhenItSearchedACorrectedQuery()
    {
        var (_, body, _) = await GetJsonAsync(_client, $"/search?q={Query("الحكومت")}");

        Assert.True(body.GetProperty("corrected").GetBoolean());
        Assert.Equal("الحكومة", body.GetProperty("searchedQuery").GetString());
        Assert.True(body.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task SearchesTheWordsAsTypedWithCorrectFalse()
    {
        // The way back from "showing results for الحكومة" (#18).
        var (status, body, _) = await GetJsonAsync(_client, $"/search?q={Query("الحكومت")}&correct=false");

        Assert.Equal(200, status);
        Assert.False(body.GetProperty("corrected").GetBoolean());
        Assert.False(body.TryGetProperty("searchedQuery", out _));
        Assert.False(body.TryGetProperty("didYouMean", out _));
        Assert.Equal(0, body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OffersTheCorrectionOfAPhraseSlip()
    {
        var (_, body, _) = await GetJsonAsync(_client, $"/search?q={Query("كاس العلم")}");

        Assert.Equal("كاس العالم", body.GetProperty("didYouMean").GetString());
    }

    [Fact]
    public async Task RejectsCorrectThatIsNotABoolean()
    {
        var (status, body, contentType) = await GetJsonAsync(_client, $"/search?q=x&correct=maybe");

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(body.GetProperty("errors").TryGetProperty("correct", out _));
    }

    [Fact]
    public async Task HighlightsTitleAndSnippet()
    {
        var (_, body, _) = await GetJsonAsync(_client, $"/search?q={Query("iPhone")}");

        var hit = body.GetProperty("hits")[0];
        Assert.Equal("شركة Apple تعلن عن <mark>iPhone</mark> جديد", hit.GetProperty("titleHighlighted").GetString());
        Assert.Contains("<mark>iPhone</mark> 15 بسعر 999", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SortsNewestFirstOnRequest()
    {
        var (_, body, _) = await GetJsonAsync(_client, $"/search?q={Query("الحكومة")}&sort=newest&size=2");

        Assert.Equal(["s12", "s02"], body.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task BoostsRecentArticlesWithRecencyParameter()
    {
        var (_, plain, _) = await GetJsonAsync(_client, $"/search?q={Query("زلزال")}");
        var (_, recent, _) = await GetJsonAsync(_client, $"/search?q={Query("زلزال")}&recency=30");

        Assert.Equal("s11", plain.GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.Equal("s12", recent.GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("month=2018-13", "month")]
    [InlineData("month=03-2018", "month")]
    [InlineData("recency=-2", "recency")]
    [InlineData("recency=fresh", "recency")]
    public async Task RejectsSearchParametersKeyedByName(string parameters, string key)
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/search?q=x&{parameters}");

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(key, out _));
    }
}
