using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Endpoints;

public sealed class DocumentEndpointsTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task ReturnsStoredArticle()
    {
        var (status, body, _) = await GetJsonAsync(_client, "/documents/t07");

        Assert.Equal(200, status);
        Assert.Equal("t07", body.GetProperty("id").GetString());
        Assert.Equal("رئيس الوزراء يزور القاهرة", body.GetProperty("title").GetString());
        Assert.StartsWith("وصل رئيس الوزراء", body.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("سياسة", body.GetProperty("category").GetString());
        Assert.Equal("العربية", body.GetProperty("source").GetString());
        Assert.Equal("https://example.com/t07", body.GetProperty("url").GetString());
        Assert.Equal("2024-02-05", body.GetProperty("date").GetString());
    }

    [Fact]
    public async Task AnswersMissingArticleWith404Problem()
    {
        var (status, body, contentType) = await GetJsonAsync(_client, "/documents/missing");

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("Document not found", body.GetProperty("title").GetString());
    }
}
