using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Endpoints;

public sealed class AnalyzeEndpointsTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task ListsTokensOfEveryField()
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/analyze?text={Query("المعلمون في المدرسة")}");

        Assert.Equal(200, status);
        var fields = body.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["title", "title.exact", "body", "body.exact", "body.root", "lead", "lead.exact"], fields.Select(f => f.GetProperty("field").GetString()));
        var body0 = fields[2].GetProperty("tokens");

        // في is a stop word: the next token keeps position 2; teh marbuta folded, article and suffixes stemmed.
        Assert.Equal("معلم", body0[0].GetProperty("term").GetString());
        Assert.Equal(0, body0[0].GetProperty("position").GetInt32());
        Assert.Equal(0, body0[0].GetProperty("startOffset").GetInt32());
        Assert.Equal(8, body0[0].GetProperty("endOffset").GetInt32());
        Assert.Equal(2, body0[1].GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task RejectsTextOverLimit()
    {
        var (status, body, _) = await GetJsonAsync(_client, $"/analyze?text={new string('ب', 10_001)}");

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task RejectsMissingText()
    {
        var (status, body, _) = await GetJsonAsync(_client, "/analyze");

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("text", out _));
    }
}
