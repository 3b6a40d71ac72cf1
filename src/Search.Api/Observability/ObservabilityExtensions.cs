using System.Text.Encodings.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Search.Api.Observability;

/// <summary>Wires metrics (#22) and the slow-query log into the application: one call on the builder, one on the app.</summary>
public static class ObservabilityExtensions
{
    /// <summary>The path Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Registers the instruments and the slow-query log; when <see cref="ObservabilitySettings.MetricsEnabledKey"/> is
    /// true, also OpenTelemetry's metrics pipeline: ASP.NET Core's meters (<c>http.server.request.duration</c> per route
    /// and status, Kestrel connections, rate-limiter refusals, handled exceptions), the runtime's (GC, heap, thread
    /// pool) and ours, exported for Prometheus.
    /// </summary>
    public static WebApplicationBuilder AddSearchObservability(this WebApplicationBuilder builder)
    {
        var settings = ObservabilitySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SearchMetrics>();
        builder.Services.AddSingleton<IndexMetrics>();
        builder.Services.AddSingleton<SlowQueryLog>();
        builder.Services.AddSingleton<SearchTelemetry>();

        // JSON console logs (Logging:Console:FormatterName json) write Arabic as UTF-8 rather than \uXXXX escapes, as the
        // API's responses do; a log line is never embedded in HTML, so the relaxed escaping is safe here.
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
            options.JsonWriterOptions = options.JsonWriterOptions with { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        if (settings.MetricsEnabled)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("news-search-api"))
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("System.Runtime")
                    .AddMeter(SearchMetrics.MeterName)
                    .AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c> (Prometheus text format) when metrics are on, for loopback and the allowed networks only;
    /// when they are off the path does not exist (404). Not part of the OpenAPI document, and not rate-limited: a scrape
    /// must get through a flood, which is when it matters.
    /// </summary>
    public static WebApplication MapSearchMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ObservabilitySettings>();
        if (!settings.MetricsEnabled)
        {
            return app;
        }

        // The observable instruments exist from the start, so the first scrape already shows the index.
        app.Services.GetRequiredService<IndexMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(MetricsAccess.Guard(settings.AllowedNetworks)), optionsName: null)
            .ExcludeFromDescription()
            .DisableRateLimiting();
        return app;
    }
}
