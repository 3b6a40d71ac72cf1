using System.Net;
using System.Text.Json;
using Search.Api.Replication;
using Search.Api.Tests.Support;

namespace Search.Api.Tests.Replication;

/// <summary>
/// #19: nothing of a request becomes a path. Every request goes out on a socket exactly as written (no dot segments
/// removed, no escapes undone by the client), and only a file of the served commit is ever answered.
/// </summary>
public sealed class ReplicationPathTests(KestrelPrimaryFixture primary) : IClassFixture<KestrelPrimaryFixture>
{
    // {commit} and {file} stand for the served commit's id and one of its files.
    [Theory]
    [InlineData("/replication/commits/{commit}/files/segments.gen")]
    [InlineData("/replication/commits/{commit}/files/write.lock")]
    [InlineData("/replication/commits/{commit}/files/{file}.bak")]
    [InlineData("/replication/commits/{commit}/files/..%2F..%2FCURRENT")]
    [InlineData("/replication/commits/{commit}/files/%2E%2E%2F%2E%2E%2FCURRENT")]
    [InlineData("/replication/commits/{commit}/files/..%5C..%5CCURRENT")]
    [InlineData("/replication/commits/{commit}/files/%2Fetc%2Fpasswd")]
    [InlineData("/replication/commits/{commit}/files/..")]
    [InlineData("/replication/commits/{commit}/files/../../CURRENT")]
    [InlineData("/replication/commits/{commit}/files/..%2F..%2Fgen-000009%2F_9.si")]
    [InlineData("/replication/commits/{commit}/../../CURRENT")]
    [InlineData("/replication/commits/..%2F{commit}/files/{file}")]
    [InlineData("/replication/commits/gen-000009.segments_1/files/segments_1")]
    [InlineData("/replication/commits/gen-000009.segments_1/files/_9.si")]
    [InlineData("/replication/commits/{commit}/files/_9.si")]
    [InlineData("/replication/commits/{commit}/files/%5F9.si")]
    [InlineData("/replication/commits/{commit}/files/{file}%20")]
    [InlineData("/replication/commits/{commit}/files/%7Bfile%7D")]
    public async Task AnythingButAFileOfAServedCommitIsNotFound(string template)
    {
        using var client = new HttpClient { BaseAddress = primary.BaseAddress };
        var manifest = await ManifestAsync(client);
        var path = template
            .Replace("{commit}", manifest.GetProperty("commit").GetString(), StringComparison.Ordinal)
            .Replace("{file}", manifest.GetProperty("segmentsFile").GetString(), StringComparison.Ordinal);

        var (status, body) = await GetRawAsync(client, path);

        Assert.True(status == HttpStatusCode.NotFound, $"{path}: {(int)status} {body}");
    }

    [Fact]
    public async Task AFileOfTheServedCommitIsAnsweredOnTheSameSocket()
    {
        using var client = new HttpClient { BaseAddress = primary.BaseAddress };
        var manifest = await ManifestAsync(client);
        var name = manifest.GetProperty("segmentsFile").GetString()!;

        var (status, _) = await GetRawAsync(client, $"/replication/commits/{manifest.GetProperty("commit").GetString()}/files/{name}");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static async Task<JsonElement> ManifestAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/replication/manifest");
        request.Headers.Add(ReplicationSettings.KeyHeader, KestrelPrimaryFixture.Key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetRawAsync(HttpClient client, string path)
    {
        var uri = new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add(ReplicationSettings.KeyHeader, KestrelPrimaryFixture.Key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
