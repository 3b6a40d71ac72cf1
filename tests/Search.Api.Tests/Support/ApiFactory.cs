using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Search.Querying;

namespace Search.Api.Tests.Support;

/// <summary>The real application over HTTP (in memory), reading the index at <paramref name="indexRoot"/>.</summary>
/// <remarks>
/// Every request of a test comes from one client, so rate limiting is off unless a test sets it (ProtectionTests).
/// The in-memory server gives a request no remote address; this factory gives each the one a TCP connection from
/// <paramref name="peer"/> would have, loopback unless a test says otherwise (the client is then this machine, as
/// for <c>news-search serve</c> on localhost).
/// The host starts with its suggestion dictionary and spelling model built (#18: the API's searches never wait for
/// them), so that corrections and caching are those of a server that has been running a while.
/// </remarks>
internal sealed class ApiFactory(string indexRoot, IReadOnlyDictionary<string, string>? settings = null, IPAddress? peer = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(SearchApiApplication.IndexPathKey, indexRoot);
        builder.UseSetting(ApiProtection.PermitsPerSecondKey, "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new PeerAddress(peer ?? IPAddress.Loopback)));
    }

    // Runs before the application's own pipeline, where Kestrel would have set the address.
    private sealed class PeerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var searcher = host.Services.GetRequiredService<NewsSearcher>();
        if (searcher.Status.IsReady)
        {
            searcher.WaitForSpellingModel(TimeSpan.FromMinutes(2));
        }

        return host;
    }
}
