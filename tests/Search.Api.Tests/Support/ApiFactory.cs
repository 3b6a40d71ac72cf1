using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Search.Api.Tests.Support;

/// <summary>The real application over HTTP (in memory), reading the index at <paramref name="indexRoot"/>.</summary>
/// <remarks>
/// Every request of a test comes from one client, so rate limiting is off unless a test sets it (ProtectionTests).
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
}
