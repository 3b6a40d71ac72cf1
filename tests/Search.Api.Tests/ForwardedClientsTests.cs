using System.Net;
using System.Net.Http.Json;
using Search.Api.Judging;
using Search.Api.Tests.Support;

namespace Search.Api.Tests;

/// <summary>
/// #19: behind a load balancer, X-Forwarded-For is believed from the configured proxies only, so the rate limiter
/// and the workbench's loopback rule see the reader, and nobody else can claim an address.
/// </summary>
public sealed class ForwardedClientsTests(SampleIndexFixture index) : IClassFixture<SampleIndexFixture>
{
    private static readonly IPAddress Balancer = IPAddress.Parse("10.0.0.5");

    private static readonly Dictionary<string, string> BalancerConfigured = new()
    {
        ["Search:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
    };

    [Fact]
    public async Task AConfiguredBalancerForwardingAReaderElsewhereCannotWriteJudgments()
    {
        using var api = index.Open(BalancerConfigured, Balancer);

        var status = await PutJudgmentAsync(api, forwardedFor: "198.51.100.20");

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task AConfiguredBalancerForwardingAClientOnThisMachineMayWriteJudgments()
    {
        using var api = index.Open(BalancerConfigured, Balancer);

        var status = await PutJudgmentAsync(api, forwardedFor: "127.0.0.1");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task ABalancerInTheConfiguredNetworkIsBelievedToo()
    {
        using var api = index.Open(new Dictionary<string, string> { ["Search:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/24" }, Balancer);

        var local = await PutJudgmentAsync(api, forwardedFor: "127.0.0.1");
        var remote = await PutJudgmentAsync(api, forwardedFor: "198.51.100.20");

        Assert.Equal((200, 403), (local, remote));
    }

    [Fact]
    public async Task AProxyOnThisMachineThatIsNotConfiguredDoesNotMakeItsClientsLocal()
    {
        // Loopback peer, headers not believed: a forwarded request's reader is unknown, so it is not this machine.
        using var api = index.Open();

        var forwarded = await PutJudgmentAsync(api, forwardedFor: "127.0.0.1");
        var direct = await PutJudgmentAsync(api, forwardedFor: null);

        Assert.Equal((403, 200), (forwarded, direct));
    }

    [Fact]
    public async Task AnAddressTheClientPutBeforeTheBalancersOwnEntryIsNotBelieved()
    {
        using var api = index.Open(BalancerConfigured, Balancer);

        var status = await PutJudgmentAsync(api, forwardedFor: "127.0.0.1, 198.51.100.20");

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task TheRateLimiterCountsEachReaderBehindAConfiguredBalancerApart()
    {
        using var api = index.Open(Limited(BalancerConfigured), Balancer);

        var first = await SearchAsync(api, "198.51.100.1");
        var again = await SearchAsync(api, "198.51.100.1");
        var other = await SearchAsync(api, "198.51.100.2");

        Assert.Equal((200, 429, 200), (first, again, other));
    }

    [Fact]
    public async Task TheRateLimiterIgnoresForwardedAddressesFromAPeerThatIsNotConfigured()
    {
        using var api = index.Open(Limited(new Dictionary<string, string>()), IPAddress.Parse("10.0.0.6"));

        var first = await SearchAsync(api, "198.51.100.1");
        var other = await SearchAsync(api, "198.51.100.2");

        Assert.Equal((200, 429), (first, other));
    }

    [Theory]
    [InlineData("Search:ForwardedHeaders:KnownProxies:0", "10.0.0.300")]
    [InlineData("Search:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/40")]
    public void ABadProxyAddressStopsTheStartUp(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SearchApiApplication.Create([], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = index.IndexRoot;
            builder.Configuration[key] = value;
        }));

        Assert.Contains(key[..key.LastIndexOf(':')], error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Limited(Dictionary<string, string> settings) => new(settings)
    {
        [ApiProtection.PermitsPerSecondKey] = "1",
        [ApiProtection.BurstKey] = "1",
    };

    private static async Task<int> PutJudgmentAsync(JudgingApi api, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/judge/api/judgments")
        {
            Content = JsonContent.Create(new { queryId = "s01", query = "نص", docId = "sample-0001", grade = 2 }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    private static async Task<int> SearchAsync(JudgingApi api, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=" + Uri.EscapeDataString("الذهب"));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }
}
