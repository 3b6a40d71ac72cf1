using System.Globalization;
using System.Net;

namespace Search.Api.Observability;

/// <summary>What operators can watch (#22): whether <c>/metrics</c> is served and to whom, and the slow-query threshold.</summary>
/// <param name="MetricsEnabled">Whether the metrics are collected and <c>GET /metrics</c> exists.</param>
/// <param name="AllowedNetworks">Networks besides loopback whose clients may scrape <c>/metrics</c>.</param>
/// <param name="SlowQueryMs">A search taking at least this long (its <c>tookMs</c>) is logged; 0 logs every search.</param>
public sealed record ObservabilitySettings(bool MetricsEnabled, IReadOnlyList<IPNetwork> AllowedNetworks, double SlowQueryMs)
{
    /// <summary>Configuration key turning the metrics on (environment <c>Search__Metrics__Enabled</c>); off by default.</summary>
    public const string MetricsEnabledKey = "Search:Metrics:Enabled";

    /// <summary>
    /// Configuration key of the networks allowed to scrape, in CIDR notation (<c>10.0.0.0/8</c>, <c>fd00::/8</c>; a bare
    /// address is that one host): an array (<c>Search__Metrics__AllowedNetworks__0</c>) or one value separated by commas.
    /// </summary>
    public const string AllowedNetworksKey = "Search:Metrics:AllowedNetworks";

    /// <summary>Configuration key of the slow-query threshold in milliseconds (environment <c>Search__Logging__SlowQueryMs</c>).</summary>
    public const string SlowQueryMsKey = "Search:Logging:SlowQueryMs";

    /// <summary>The slow-query threshold when none is configured.</summary>
    public const double DefaultSlowQueryMs = 200;

    /// <summary>Reads the settings; a value that cannot be meant stops the start-up with the key and the value.</summary>
    public static ObservabilitySettings From(IConfiguration configuration) =>
        new(Enabled(configuration), Networks(configuration), SlowQuery(configuration));

    private static bool Enabled(IConfiguration configuration)
    {
        var text = configuration[MetricsEnabledKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return bool.TryParse(text.Trim(), out var enabled)
            ? enabled
            : throw new InvalidOperationException($"{MetricsEnabledKey} must be true or false, not '{text}'.");
    }

    private static List<IPNetwork> Networks(IConfiguration configuration)
    {
        var section = configuration.GetSection(AllowedNetworksKey);
        var entries = section.GetChildren().Select(child => child.Value).Append(section.Value)
            .Where(value => value is not null)
            .SelectMany(value => value!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/', StringComparison.Ordinal))
            {
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new InvalidOperationException(
                    $"{AllowedNetworksKey} must list networks in CIDR notation (such as 10.0.0.0/8 or fd00::/8) or single addresses, not '{entry}'.");
            }
        }

        return networks;
    }

    private static double SlowQuery(IConfiguration configuration)
    {
        var text = configuration[SlowQueryMsKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultSlowQueryMs;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || ms < 0 || !double.IsFinite(ms))
        {
            throw new InvalidOperationException(
                $"{SlowQueryMsKey} must be a number of milliseconds, 0 (log every search) or more, not '{text}'.");
        }

        return ms;
    }
}
