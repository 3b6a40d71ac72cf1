using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Api.Tests.Support;

namespace Search.Api.Tests;

/// <summary>#6: responses are compressed for clients that accept it, and decompress to the same JSON.</summary>
public sealed class CompressionTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task SearchResultsAreCompressedWhenTheClientAcceptsIt(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=" + Uri.EscapeDataString("النفط"));
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        var plain = await api.Client.GetFromJsonAsync<JsonElement>("/search?q=" + Uri.EscapeDataString("النفط"),
            TestContext.Current.CancellationToken);

        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var compressed = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        await using Stream decoded = encoding == "br"
            ? new BrotliStream(compressed, CompressionMode.Decompress)
            : new GZipStream(compressed, CompressionMode.Decompress);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(decoded, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal(plain.GetProperty("total").GetInt32(), body.GetProperty("total").GetInt32());
        Assert.Equal(plain.GetProperty("hits")[0].GetProperty("id").GetString(), body.GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ClientsThatDoNotAskGetPlainJson()
    {
        using var response = await api.Client.GetAsync("/search?q=x", TestContext.Current.CancellationToken);

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
