using System.Net;
using Microsoft.Extensions.Configuration;
using Search.Api.Observability;
using Search.Api.Tests.Support;

namespace Search.Api.Tests.Observability;

/// <summary>#22: the observability settings, their defaults, and a bad value stopping the start-up with its key.</summary>
public sealed class ObservabilitySettingsTests : IDisposable
{
    private readonly ApiIndex _index = ApiIndex.WithTiny();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void ByDefaultMetricsAreOffAndSearchesFrom200MsAreSlow()
    {
        var settings = ObservabilitySettings.From(Configuration([]));

        Assert.False(settings.MetricsEnabled);
        Assert.Empty(settings.AllowedNetworks);
        Assert.Equal(200, settings.SlowQueryMs);
    }

    [Fact]
    public void NetworksComeAsAnArrayOrAsOneListAndABareAddressIsOneHost()
    {
        var fromArray = ObservabilitySettings.From(Configuration(new()
        {
            [ObservabilitySettings.AllowedNetworksKey + ":0"] = "10.0.0.0/8",
            [ObservabilitySettings.AllowedNetworksKey + ":1"] = "fd00::/8",
        }));
        var fromList = ObservabilitySettings.From(Configuration(new()
        {
            [ObservabilitySettings.AllowedNetworksKey] = "10.0.0.0/8, 192.0.2.7",
        }));

        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("fd00::/8")], fromArray.AllowedNetworks);
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.0.2.7/32")], fromList.AllowedNetworks);
    }

    [Theory]
    [InlineData(ObservabilitySettings.MetricsEnabledKey, "yes")]
    [InlineData(ObservabilitySettings.AllowedNetworksKey, "10.0.0.0/33")]
    [InlineData(ObservabilitySettings.AllowedNetworksKey, "intranet")]
    [InlineData(ObservabilitySettings.SlowQueryMsKey, "-1")]
    [InlineData(ObservabilitySettings.SlowQueryMsKey, "slow")]
    public void ABadValueStopsTheStartUpWithTheKeyAndTheValue(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SearchApiApplication.Create([], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = _index.Root;
            builder.Configuration[key] = value;
        }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("11.1.2.3", false)]
    [InlineData("::ffff:11.1.2.3", false)]
    [InlineData("2001:db8::1", false)]
    public void LoopbackAndTheAllowedNetworksMayScrape(string client, bool allowed)
    {
        Assert.Equal(allowed, MetricsAccess.IsAllowed(IPAddress.Parse(client), [IPNetwork.Parse("10.0.0.0/8")]));
    }

    [Fact]
    public void AClientWithoutAnAddressMayNotScrape()
    {
        Assert.False(MetricsAccess.IsAllowed(null, [IPNetwork.Parse("0.0.0.0/0")]));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
