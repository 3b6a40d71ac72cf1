using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Search.Querying;

namespace Search.Api.Tests.Support;

/// <summary>The real application over HTTP (in memory), reading the index at <paramref name="indexRoot"/>.</summary>
/// <remarks>
/// Every request of a test comes from one client, so rate limiting is off unless a test sets it (ProtectionTests).
/// The host starts with its suggestion dictionary and spelling model built (#18: the API's searches never wait for
/// them), so that corrections and caching are those of a server that has been running a while.
/// </remarks>
internal sealed class ApiFactory(string indexRoot, IReadOnlyDictionary<string, string>? settings = null)
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
