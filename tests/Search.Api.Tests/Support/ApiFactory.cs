using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Search.Api.Tests.Support;

/// <summary>The real application over HTTP (in memory), reading the index at <paramref name="indexRoot"/>.</summary>
internal sealed class ApiFactory(string indexRoot) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(SearchApiApplication.IndexPathKey, indexRoot);
    }
}
