using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Search.Api.Judging;

namespace Search.Api.Tests.Support;

/// <summary>The real application on an index, with a judgment store in a temp folder of its own.</summary>
internal sealed class JudgingApi : IDisposable
{
    private readonly ApiFactory _factory;

    public JudgingApi(string indexRoot, IReadOnlyDictionary<string, string>? settings = null, IPAddress? peer = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "search-api-tests", "judging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var all = new Dictionary<string, string>
        {
            [JudgingSettings.StorePathKey] = Path.Combine(Folder, "judgments.db"),
            [JudgingSettings.QuerySetsPathKey] = Path.Combine(SampleIndexFixture.RepositoryRoot, "index-data", "queries"),
            [JudgingSettings.RankingsPathKey] = Path.Combine(SampleIndexFixture.RepositoryRoot, "index-data", "rankings"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        _factory = new ApiFactory(indexRoot, all, peer);
        Client = _factory.CreateClient();
    }

    public string Folder { get; }

    public string StorePath => Path.Combine(Folder, "judgments.db");

    public HttpClient Client { get; }

    public Task<(int Status, JsonElement Body, string? ContentType)> GetAsync(string url) => Http.GetJsonAsync(Client, url);

    public Task<(int Status, JsonElement Body, string? ContentType)> PutJsonAsync(string url, object body, string? key = null) =>
        SendAsync(HttpMethod.Put, url, JsonContent.Create(body), key);

    public Task<(int Status, JsonElement Body, string? ContentType)> PostJsonAsync(string url, object body, string? key = null) =>
        SendAsync(HttpMethod.Post, url, JsonContent.Create(body), key);

    public Task<(int Status, JsonElement Body, string? ContentType)> DeleteAsync(string url, string? key = null) =>
        SendAsync(HttpMethod.Delete, url, null, key);

    public async Task<(int Status, JsonElement Body, string? ContentType)> SendAsync(HttpMethod method, string url, HttpContent? content, string? key = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (key is not null)
        {
            request.Headers.Add(JudgingSettings.WriteKeyHeader, key);
        }

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Grades a document and checks the write succeeded.</summary>
    public async Task JudgeAsync(string queryId, string query, string docId, int grade, string? key = null)
    {
        var (status, body, _) = await PutJsonAsync("/judge/api/judgments", new { queryId, query, docId, grade }, key);
        Assert.True(status == 200, $"PUT judgment answered {status}: {body}");
    }

    public static StringContent Text(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
