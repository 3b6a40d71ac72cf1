using System.Net;

namespace Search.Api.Observability;

/// <summary>
/// Who may scrape <c>/metrics</c>: loopback clients and the networks in <see cref="ObservabilitySettings.AllowedNetworks"/>.
/// Anyone else gets 403 with a problem document that names the setting, so an operator sees why a scrape fails.
/// </summary>
/// <remarks>
/// The client is the connection's remote address. Behind a reverse proxy on the same host every request comes from
/// loopback: block <c>/metrics</c> at the proxy, or have the proxy's forwarded address applied before this check.
/// </remarks>
public static class MetricsAccess
{
    /// <summary>True when <paramref name="client"/> is loopback or inside one of <paramref name="networks"/>; an unknown address is refused.</summary>
    public static bool IsAllowed(IPAddress? client, IReadOnlyList<IPNetwork> networks)
    {
        if (client is null)
        {
            return false;
        }

        // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; the networks are written as IPv4.
        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        if (IPAddress.IsLoopback(client))
        {
            return true;
        }

        foreach (var network in networks)
        {
            if (network.Contains(client))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The middleware in front of the exporter: passes allowed clients on, answers the others 403.</summary>
    public static Func<HttpContext, RequestDelegate, Task> Guard(IReadOnlyList<IPNetwork> networks) => (context, next) =>
    {
        if (IsAllowed(context.Connection.RemoteIpAddress, networks))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Metrics are not served to this address",
                Detail = $"GET /metrics answers loopback clients and the networks listed in {ObservabilitySettings.AllowedNetworksKey} only.",
            },
        }).AsTask();
    };
}
