using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Search.Api;

/// <summary>
/// What keeps the API standing on the open internet: request size limits, per-client rate limiting (429 with
/// Retry-After), CORS from an explicit allow-list, and security headers. Every knob is configuration under
/// <c>Search:Limits</c>, <c>Search:RateLimit</c> and <c>Search:Cors</c>, documented in README.md. Behind a load
/// balancer, the client is the one <see cref="ForwardedClients"/> finds (<c>Search:ForwardedHeaders</c>).
/// </summary>
public static class ApiProtection
{
    /// <summary>Per-client token bucket: sustained requests per second (0 turns rate limiting off).</summary>
    public const string PermitsPerSecondKey = "Search:RateLimit:PermitsPerSecond";

    /// <summary>Per-client token bucket: the burst a client may send at once.</summary>
    public const string BurstKey = "Search:RateLimit:Burst";

    /// <summary>Origins allowed to call the API from a browser (an array); none by default.</summary>
    public const string AllowedOriginsKey = "Search:Cors:AllowedOrigins";

    /// <summary>Longest request line (method, path and query string), in bytes.</summary>
    public const string MaxRequestLineBytesKey = "Search:Limits:MaxRequestLineBytes";

    /// <summary>Largest request body, in bytes.</summary>
    public const string MaxRequestBodyBytesKey = "Search:Limits:MaxRequestBodyBytes";

    private const string CorsPolicy = "allow-list";

    // A search box sends a request per keystroke: 20 a second sustained, 40 at once, per client address.
    private const int DefaultPermitsPerSecond = 20;
    private const int DefaultBurst = 40;

    // A 1,000-character Arabic query is 6,000 bytes percent-encoded, plus filters: 16 KiB leaves room, no more.
    private const int DefaultMaxRequestLineBytes = 16 * 1024;
    internal const int DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Registers the limits, the rate limiter and CORS.</summary>
    public static WebApplicationBuilder AddApiProtection(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = configuration.GetValue(MaxRequestLineBytesKey, DefaultMaxRequestLineBytes);
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue<long>(MaxRequestBodyBytesKey, DefaultMaxRequestBodyBytes);
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });

        var permits = configuration.GetValue(PermitsPerSecondKey, DefaultPermitsPerSecond);
        var burst = Math.Max(permits, configuration.GetValue(BurstKey, DefaultBurst));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            if (permits > 0)
            {
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetTokenBucketLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = burst,
                            TokensPerPeriod = permits,
                            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            }
        });

        builder.Services.Configure(ForwardedClients.ReadConfiguration(configuration));

        var origins = configuration.GetSection(AllowedOriginsKey).Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
            policy.WithOrigins(origins).WithMethods("GET", "POST", "PUT", "DELETE").WithHeaders("Content-Type", "X-Api-Key", Judging.JudgingSettings.WriteKeyHeader)));
        return builder;
    }

    /// <summary>Adds forwarded headers, security headers, CORS and the rate limiter to the pipeline.</summary>
    public static WebApplication UseApiProtection(this WebApplication app)
    {
        // First: what follows (rate limiting, the workbench's loopback rule) keys on the client it establishes.
        app.UseForwardedHeaders();
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
        return app;
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client sent more requests than the service accepts; retry after {retryAfter} s.",
            },
        });
    }
}
