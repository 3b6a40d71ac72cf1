using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Search.Api;

/// <summary>
/// Who a request comes from when a load balancer forwards it (#19): <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the proxies and networks configured under
/// <c>Search:ForwardedHeaders</c>, none by default. The rate limiter and the judging workbench's loopback rule then
/// see the reader's address, not the balancer's.
/// </summary>
internal static class ForwardedClients
{
    /// <summary>Addresses of the balancers whose forwarded headers are believed (an array of IP addresses).</summary>
    public const string KnownProxiesKey = "Search:ForwardedHeaders:KnownProxies";

    /// <summary>Networks of such balancers, in CIDR notation (an array, e.g. <c>10.0.0.0/24</c>).</summary>
    public const string KnownNetworksKey = "Search:ForwardedHeaders:KnownNetworks";

    private const string ForwardedForHeader = "X-Forwarded-For";
    private const string ForwardedHeader = "Forwarded";

    /// <summary>
    /// Reads the configured proxies now (a bad value stops the start-up) and returns what sets up the middleware's
    /// options with them, in place of ASP.NET Core's default of believing any loopback peer.
    /// </summary>
    /// <exception cref="InvalidOperationException">A configured address or network does not parse.</exception>
    public static Action<ForwardedHeadersOptions> ReadConfiguration(IConfiguration configuration)
    {
        var proxies = Values(configuration, KnownProxiesKey)
            .Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey} must list IP addresses, not '{text}'."))
            .ToList();
        var networks = Values(configuration, KnownNetworksKey)
            .Select(text => System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{KnownNetworksKey} must list networks in CIDR notation (10.0.0.0/24), not '{text}'."))
            .ToList();
        return options =>
        {
            // With no proxy and no network listed, ASP.NET Core would believe every peer: then believe none.
            options.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;

            // One hop: the balancer's own entry, the last of the list. Entries before it are whatever the client sent.
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        };
    }

    /// <summary>
    /// True when the client is this machine: a loopback address, after the forwarded headers of a configured proxy were
    /// applied, and no forwarded header left over. A request that still carries one came through a proxy that is not
    /// configured (or named more hops than one), so its real client is unknown and it is not treated as local.
    /// </summary>
    public static bool IsLoopback(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var headers = context.Request.Headers;
        return IPAddress.IsLoopback(address) && !headers.ContainsKey(ForwardedForHeader) && !headers.ContainsKey(ForwardedHeader);
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key) =>
        (configuration.GetSection(key).Get<string[]>() ?? []).Select(v => v.Trim()).Where(v => v.Length > 0);
}
