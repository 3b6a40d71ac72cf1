using System.Net;
using System.Text.Json;
using Search.Api.Tests.Support;

namespace Search.Api.Tests;

/// <summary>#7: rate limiting, CORS from an allow-list, security headers, liveness and readiness.</summary>
public sealed class ProtectionTests : IDisposable
{
    private readonly ApiIndex _index = ApiIndex.WithTiny();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task AClientOverItsRateGets429WithRetryAfter()
    {
        using var factory = new ApiFactory(_index.Root, new Dictionary<string, string>
        {
            [ApiProtection.PermitsPerSecondKey] = "1",
            [ApiProtection.BurstKey] = "3",
        });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;

        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/search?q=x", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            rejected ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.NotNull(rejected);
        Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task HealthChecksAreNotRateLimited()
    {
        using var factory = new ApiFactory(_index.Root, new Dictionary<string, string>
        {
            [ApiProtection.PermitsPerSecondKey] = "1",
            [ApiProtection.BurstKey] = "1",
        });
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
            using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public async Task ReadinessFollowsTheIndexAndLivenessDoesNot()
    {
        using var empty = new ApiIndex();
        using var factory = new ApiFactory(empty.Root);
        using var client = factory.CreateClient();

        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Theory]
    [InlineData("https://news.example", true)]
    [InlineData("https://evil.example", false)]
    public async Task CorsAnswersOnlyOriginsOfTheAllowList(string origin, bool allowed)
    {
        using var factory = new ApiFactory(_index.Root, new Dictionary<string, string>
        {
            [ApiProtection.AllowedOriginsKey + ":0"] = "https://news.example",
        });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=x");
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values)
            && values.Single() == origin);
    }

    [Fact]
    public async Task NoOriginIsAllowedByDefault()
    {
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=x");
        request.Headers.Add("Origin", "https://news.example");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/search?q=x")]
    [InlineData("/no-such-page")]
    public async Task EveryResponseCarriesSecurityHeaders(string target)
    {
        using var factory = new ApiFactory(_index.Root);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(target, TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
