using System.Buffers.Binary;
using System.IO.Hashing;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Replication;
using Search.Api.Tests.Support;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Api.Tests.Replication;

/// <summary>#19: <c>/replication/</c> serves the live commit's files, read-only, to holders of the key, and nothing else.</summary>
public sealed class ReplicationEndpointsTests : IDisposable
{
    private const string Key = KestrelPrimaryFixture.Key;

    private readonly ApiIndex _index = ApiIndex.WithTiny();
    private readonly ManualClock _clock = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task WithoutAKeyConfiguredThereIsNoReplicationEndpoint()
    {
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();

        using var response = await SendAsync(client, "/replication/manifest", Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EveryRequestNeedsTheKey()
    {
        using var factory = Primary();
        using var client = factory.CreateClient();
        var manifest = await ManifestAsync(client);
        var file = $"/replication/commits/{manifest.GetProperty("commit").GetString()}/files/{manifest.GetProperty("segmentsFile").GetString()}";

        var (missing, missingTitle, type) = await ProblemAsync(client, "/replication/manifest", key: null);
        var (wrong, wrongTitle, _) = await ProblemAsync(client, "/replication/manifest", Key + "x");
        var (fileMissing, _, _) = await ProblemAsync(client, file, key: null);
        var (fileWrong, _, _) = await ProblemAsync(client, file, "r");

        Assert.Equal((401, "Replication key required"), (missing, missingTitle));
        Assert.Equal("application/problem+json", type);
        Assert.Equal((401, "Invalid replication key"), (wrong, wrongTitle));
        Assert.Equal((401, 401), (fileMissing, fileWrong));
    }

    [Fact]
    public async Task TheManifestListsEveryFileOfTheLiveCommitWithItsLengthAndLuceneChecksum()
    {
        using var factory = Primary();
        using var client = factory.CreateClient();
        var generation = new IndexLayout(_index.Root).TryGetCurrent()!;

        var manifest = await ManifestAsync(client);

        var files = manifest.GetProperty("files").EnumerateArray().ToList();
        var names = files.Select(f => f.GetProperty("name").GetString()!).ToList();
        var segments = manifest.GetProperty("segmentsFile").GetString()!;
        Assert.Equal(Path.GetFileName(generation), manifest.GetProperty("generation").GetString());
        Assert.Equal($"{Path.GetFileName(generation)}.{segments}", manifest.GetProperty("commit").GetString());
        Assert.Equal(IndexVersion.Schema, manifest.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("news", manifest.GetProperty("analysis").GetString());
        Assert.Contains(segments, names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var others = Directory.EnumerateFiles(generation).Select(Path.GetFileName).Except(names).ToList();
        Assert.All(others, name => Assert.Contains(name, new[] { "segments.gen", "write.lock" }));
        Assert.All(files, file =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(generation, file.GetProperty("name").GetString()!));
            Assert.Equal(bytes.Length, file.GetProperty("length").GetInt64());

            // The footer's last eight bytes are the CRC32 of everything before them.
            Assert.Equal(Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 8)), file.GetProperty("checksum").GetInt64());
            Assert.Equal(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(bytes.Length - 8)), file.GetProperty("checksum").GetInt64());
        });
    }

    [Fact]
    public async Task ServesAFileWholeAndFromAnOffsetSoACopyCanResume()
    {
        using var factory = Primary();
        using var client = factory.CreateClient();
        var manifest = await ManifestAsync(client);
        var name = manifest.GetProperty("files").EnumerateArray().MaxBy(f => f.GetProperty("length").GetInt64()).GetProperty("name").GetString()!;
        var url = $"/replication/commits/{manifest.GetProperty("commit").GetString()}/files/{name}";
        var bytes = File.ReadAllBytes(Path.Combine(new IndexLayout(_index.Root).TryGetCurrent()!, name));

        using var whole = await SendAsync(client, url, Key);
        using var rest = await SendAsync(client, url, Key, request => request.Headers.Range = new RangeHeaderValue(100, null));
        using var changed = await SendAsync(client, url, Key, request =>
        {
            request.Headers.Range = new RangeHeaderValue(100, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"00000000-1\""));
        });
        using var beyond = await SendAsync(client, url, Key, request => request.Headers.Range = new RangeHeaderValue(bytes.Length + 10, null));

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("application/octet-stream", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("bytes", Assert.Single(whole.Headers.AcceptRanges));
        Assert.NotNull(whole.Headers.ETag);
        Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
        Assert.Equal((100L, bytes.Length - 1L, bytes.Length), (rest.Content.Headers.ContentRange!.From!.Value, rest.Content.Headers.ContentRange.To!.Value, rest.Content.Headers.ContentRange.Length!.Value));
        Assert.Equal(bytes[100..], await rest.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode); // another file under the same name: whole again, never stitched
        Assert.Equal(bytes, await changed.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
    }

    [Fact]
    public async Task KeepsServingACommitTheIndexerReplacedUntilNobodyHasReadItForTheRetention()
    {
        using var factory = Primary();
        using var client = factory.CreateClient();
        var layout = new IndexLayout(_index.Root);
        var first = await ManifestAsync(client);
        var oldGeneration = layout.TryGetCurrent()!;
        var name = first.GetProperty("segmentsFile").GetString()!;
        var url = $"/replication/commits/{first.GetProperty("commit").GetString()}/files/{name}";
        var bytes = File.ReadAllBytes(Path.Combine(oldGeneration, name));

        // What reindex does: a new generation goes live and the old one is deleted, files and folder.
        _index.Build(ApiIndex.LoadJsonLines(Path.Combine(AppContext.BaseDirectory, "TestData", "querying", "tiny.jsonl")).Take(3));
        Directory.Delete(oldGeneration, recursive: true);
        var second = await ManifestAsync(client);
        using var afterSwitch = await SendAsync(client, url, Key);
        var servedAfterSwitch = await afterSwitch.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        _clock.Advance(ReplicationSettings.Retention + TimeSpan.FromSeconds(1));
        await ManifestAsync(client);
        using var afterRetention = await SendAsync(client, url, Key);

        Assert.NotEqual(first.GetProperty("commit").GetString(), second.GetProperty("commit").GetString());
        Assert.Equal(Path.GetFileName(layout.TryGetCurrent()), second.GetProperty("generation").GetString());
        Assert.Equal(HttpStatusCode.OK, afterSwitch.StatusCode);
        Assert.Equal(bytes, servedAfterSwitch);
        Assert.Equal(HttpStatusCode.NotFound, afterRetention.StatusCode);
        if (OperatingSystem.IsLinux())
        {
            await AssertClosedAsync(oldGeneration);
        }
    }

    [Fact]
    public async Task AnIndexOfAnotherSchemaVersionIsPublishedAsItIsForFollowersToRefuse()
    {
        using var old = new ApiIndex();
        old.Build(ApiIndex.LoadJsonLines(Path.Combine(AppContext.BaseDirectory, "TestData", "querying", "tiny.jsonl")),
            new Dictionary<string, string> { [IndexVersion.SchemaKey] = "5", [IndexVersion.AnalysisKey] = "news" });
        using var factory = Primary(old.Root);
        using var client = factory.CreateClient();

        var manifest = await ManifestAsync(client);

        Assert.Equal(5, manifest.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task WithoutAnIndexTheManifestIs503()
    {
        using var empty = new ApiIndex();
        using var factory = Primary(empty.Root);
        using var client = factory.CreateClient();

        var (status, title, type) = await ProblemAsync(client, "/replication/manifest", Key);

        Assert.Equal((503, "Nothing to replicate", "application/problem+json"), (status, title, type));
    }

    [Fact]
    public async Task TheOpenApiDocumentLeavesReplicationOutEvenWithAKey()
    {
        using var factory = Primary();
        using var client = factory.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        Assert.DoesNotContain(document.RootElement.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/replication", StringComparison.Ordinal));
    }

    private WebApplicationFactory<Program> Primary(string? root = null) =>
        new ApiFactory(root ?? _index.Root, new Dictionary<string, string> { [ReplicationSettings.KeyKey] = Key })
            .WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock)));

    private static async Task<JsonElement> ManifestAsync(HttpClient client)
    {
        using var response = await SendAsync(client, "/replication/manifest", Key);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"manifest: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(int Status, string? Title, string? ContentType)> ProblemAsync(HttpClient client, string url, string? key)
    {
        using var response = await SendAsync(client, url, key);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return ((int)response.StatusCode, body.GetProperty("title").GetString(), response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? key, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Add(ReplicationSettings.KeyHeader, key);
        }

        adjust?.Invoke(request);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    // The searcher lets go of the old generation within a refresh or two; the publisher's handles must be gone too.
    private static async Task AssertClosedAsync(string folder)
    {
        List<string> open = [];
        for (var reading = 0; reading < 25; reading++)
        {
            open = [.. Directory.EnumerateFileSystemEntries("/proc/self/fd")
                .Select(link => { try { return new FileInfo(link).LinkTarget ?? ""; } catch (IOException) { return ""; } })
                .Where(target => target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))];
            if (open.Count == 0)
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"files of the replaced generation still open: {string.Join(", ", open)}");
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
