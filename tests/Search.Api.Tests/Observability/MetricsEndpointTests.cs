using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Search.Api.Observability;
using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Observability;

/// <summary>#22: GET /metrics in the Prometheus text format, for loopback and the allowed networks, absent when off.</summary>
[Collection(nameof(MetricsEndpointTests))]
public sealed class MetricsEndpointTests : IDisposable
{
    private static readonly Dictionary<string, string?> MetricsOn = new() { [ObservabilitySettings.MetricsEnabledKey] = "true" };

    private readonly ApiIndex _index = ApiIndex.WithTiny();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task AScrapeAfterSomeSearchesCountsThemAndItsIndexFiguresMatchHealth()
    {
        await using var api = await KestrelApi.StartAsync(_index.Root, MetricsOn);
        var oil = $"search?q={Query("أسعار النفط")}&size=2";

        Assert.Equal(200, (await GetJsonAsync(api.Client, oil)).Status);
        Assert.Equal(200, (await GetJsonAsync(api.Client, oil)).Status); // from the result cache
        Assert.Equal(200, (await GetJsonAsync(api.Client, $"search?q={Query("النفط")}")).Status);
        Assert.Equal(200, (await GetJsonAsync(api.Client, $"suggest?q={Query("النف")}")).Status);
        var (_, health, _) = await GetJsonAsync(api.Client, "health");
        using var response = await api.Client.GetAsync("metrics", TestContext.Current.CancellationToken);
        var scrape = new PrometheusText(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, scrape.Sum("search_request_duration_seconds_count"));
        Assert.Equal(1, scrape.Sum("search_request_duration_seconds_count", "search_cached=true"));
        Assert.Equal(3, scrape.Sum("search_request_duration_seconds_bucket", "le=+Inf"));
        foreach (var phase in new[] { "parse", "match", "rescore", "correction", "hits" })
        {
            Assert.Equal(2, scrape.Sum("search_phase_duration_seconds_count", $"search_phase={phase}"));
        }

        Assert.True(scrape.Sum("search_phase_duration_seconds_sum", "search_phase=match") > 0);
        Assert.Equal(1, scrape.Sum("search_suggest_duration_seconds_count"));
        Assert.Equal(3, scrape.Sum("http_server_request_duration_seconds_count", "http_route=/search", "http_response_status_code=200"));

        var cache = health.GetProperty("resultCache");
        Assert.Equal(1, scrape.Sum("search_result_cache_hits_total"));
        Assert.Equal(2, scrape.Sum("search_result_cache_misses_total"));
        Assert.Equal(cache.GetProperty("hits").GetInt64(), scrape.Sum("search_result_cache_hits_total"));
        Assert.Equal(cache.GetProperty("misses").GetInt64(), scrape.Sum("search_result_cache_misses_total"));
        Assert.Equal(cache.GetProperty("entries").GetInt32(), scrape.Sum("search_result_cache_entries"));
        Assert.Equal(cache.GetProperty("capacity").GetInt32(), scrape.Sum("search_result_cache_limit"));
        Assert.Equal(0, scrape.Sum("search_result_cache_evictions_total"));

        Assert.Equal(health.GetProperty("documentCount").GetInt32(), scrape.Sum("search_index_documents"));
        Assert.Equal(GenerationNumber(health), scrape.Sum("search_index_generation"));
        Assert.True(scrape.Sum("search_index_segments") >= 1);
        Assert.True(scrape.Has("search_index_commit_age_seconds"));
        Assert.InRange(scrape.Sum("search_index_commit_age_seconds"), 0, TimeSpan.FromHours(1).TotalSeconds);
    }

    [Fact]
    public async Task RateLimitRefusalsAreCountedAndTheScrapeItselfIsNeverRefused()
    {
        await using var api = await KestrelApi.StartAsync(_index.Root, new Dictionary<string, string?>(MetricsOn)
        {
            [ApiProtection.PermitsPerSecondKey] = "1",
            [ApiProtection.BurstKey] = "1",
        });
        var refused = 0;

        for (var i = 0; i < 5; i++)
        {
            refused += (await GetJsonAsync(api.Client, "search?q=x")).Status == 429 ? 1 : 0;
        }

        using var response = await api.Client.GetAsync("metrics", TestContext.Current.CancellationToken);
        var scrape = new PrometheusText(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.True(refused > 0, "a burst of 1 and 1 request a second let 5 requests through");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(refused, scrape.Sum("aspnetcore_rate_limiting_requests_total", "aspnetcore_rate_limiting_result=global_limiter"));
    }

    [Fact]
    public async Task AbsentWhenMetricsAreOff()
    {
        await using var api = await KestrelApi.StartAsync(_index.Root);

        var (status, body, type) = await GetJsonAsync(api.Client, "metrics");

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("203.0.113.9", "", 403)]
    [InlineData("203.0.113.9", "198.51.100.0/24", 403)]
    [InlineData("203.0.113.9", "198.51.100.0/24, 203.0.113.0/24", 200)]
    [InlineData("2001:db8::7", "2001:db8::/32", 200)]
    [InlineData("127.0.0.1", "", 200)]
    [InlineData("::1", "", 200)]
    public async Task AnsweredOnlyToLoopbackAndTheAllowedNetworks(string client, string allowed, int expected)
    {
        using var factory = new ApiFactory(_index.Root, new Dictionary<string, string>
        {
            [ObservabilitySettings.MetricsEnabledKey] = "true",
            [ObservabilitySettings.AllowedNetworksKey] = allowed,
        }, peer: IPAddress.Parse(client));

        var context = await factory.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = "/metrics";
        }, TestContext.Current.CancellationToken);
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, context.Response.StatusCode);
        if (expected == 403)
        {
            Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(403, problem.GetProperty("status").GetInt32());
            Assert.Contains(ObservabilitySettings.AllowedNetworksKey, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("# TYPE ", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentLeavesMetricsOut()
    {
        using var factory = new ApiFactory(_index.Root, new Dictionary<string, string> { [ObservabilitySettings.MetricsEnabledKey] = "true" });
        using var client = factory.CreateClient();

        var (status, document, _) = await GetJsonAsync(client, "/openapi/v1.json");

        Assert.Equal(200, status);
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/search", paths);
        Assert.DoesNotContain("/metrics", paths);
    }

    private static int GenerationNumber(JsonElement health) =>
        int.Parse(health.GetProperty("generation").GetString()!.AsSpan("gen-".Length), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The scrape counts exactly what the test's searches recorded, and OpenTelemetry's exporter listens to every meter of its
/// names in the process: so these tests run alone, after the others, whose applications record into meters of the same names.
/// </summary>
[CollectionDefinition(nameof(MetricsEndpointTests), DisableParallelization = true)]
public sealed class MetricsEndpointCollection;
