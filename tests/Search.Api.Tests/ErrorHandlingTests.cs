using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests;

public sealed class ErrorHandlingTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    [Fact]
    public async Task AnswersUnknownRouteWith404Problem()
    {
        var (status, body, contentType) = await GetJsonAsync(api.Client, "/no/such/route");

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AnswersUnexpectedFailureWith500ProblemWithTraceIdAndNoStackTrace()
    {
        using var index = new ApiIndex();
        using var factory = new ApiFactory(index.Root).WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingStartupFilter>()));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/boom", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"traceId\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kaboom", text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ThrowingStartupFilter), text, StringComparison.Ordinal);
    }

    // Appends a request handler behind the application's pipeline (reached when no endpoint matches), so its
    // exception travels back through the application's exception handler.
    private sealed class ThrowingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) => context.Request.Path == "/boom"
                ? throw new InvalidOperationException("Kaboom")
                : following(context));
        };
    }
}
