using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Search.Api.Tests.Support;

/// <summary>
/// The real application on a loopback port (Kestrel, as <c>news-search serve</c> runs it), for what depends on real
/// connections: the client address is 127.0.0.1, as a local Prometheus scraper's is.
/// </summary>
internal sealed class KestrelApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelApi(WebApplication app, string baseUrl)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public HttpClient Client { get; }

    /// <summary>Starts the application on the index at <paramref name="indexRoot"/>; rate limiting is off unless a setting says otherwise.</summary>
    public static async Task<KestrelApi> StartAsync(string indexRoot, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var all = new Dictionary<string, string?>
        {
            [SearchApiApplication.IndexPathKey] = indexRoot,
            [ApiProtection.PermitsPerSecondKey] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = SearchApiApplication.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(all);
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new KestrelApi(app, app.Urls.First().TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
