using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;
using Search.Api.Contracts.Replication;

namespace Search.Api.Replication;

/// <summary>
/// <c>/replication/</c> (#19): a primary's live commit, read-only, for <c>news-search follow</c> on the replicas. Exists
/// only when <see cref="ReplicationSettings.KeyKey"/> is set; every request carries the key. See README.md beside this file.
/// </summary>
/// <remarks>
/// Not in the OpenAPI document: it is a protocol between our own processes, guarded by an operator's key, not part of
/// the API readers and sites call, and the document would otherwise change with the configuration.
/// </remarks>
public static class ReplicationEndpoints
{
    /// <summary>Registers the publisher when a replication key is configured; does nothing otherwise.</summary>
    public static WebApplicationBuilder AddReplication(this WebApplicationBuilder builder)
    {
        if (ReplicationSettings.From(builder.Configuration) is not { } settings)
        {
            return builder;
        }

        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var path = services.GetRequiredService<IConfiguration>()[SearchApiApplication.IndexPathKey];
            return new CommitPublisher(
                string.IsNullOrWhiteSpace(path) ? SearchApiApplication.DefaultIndexPath : path,
                services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }

    /// <summary>Maps <c>GET /replication/manifest</c> and <c>GET /replication/commits/{commit}/files/{name}</c> when registered.</summary>
    public static WebApplication MapReplicationEndpoints(this WebApplication app)
    {
        if (app.Services.GetService<ReplicationSettings>() is not { } settings)
        {
            return app;
        }

        // A follower's copy is a burst of requests by design; the key guards these routes, not the per-client limiter.
        var group = app.MapGroup("/replication").ExcludeFromDescription().DisableRateLimiting();
        group.AddEndpointFilter(async (context, next) =>
            CheckKey(settings, context.HttpContext.Request.Headers[ReplicationSettings.KeyHeader].ToString()) ?? await next(context));
        group.MapGet("/manifest", Manifest);
        group.MapGet("/commits/{commit}/files/{name}", File);
        return app;
    }

    private static Results<Ok<ReplicationManifestResponse>, ProblemHttpResult> Manifest(CommitPublisher publisher, HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        return publisher.TryGetManifest(out var manifest, out var problem)
            ? TypedResults.Ok(manifest)
            : TypedResults.Problem(title: "Nothing to replicate", detail: problem, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    // The commit and the name are looked up among the commits served and their files; neither ever becomes a path.
    private static Results<FileStreamHttpResult, ProblemHttpResult> File(string commit, string name, CommitPublisher publisher, HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        return publisher.TryOpenFile(commit, name) is { } stream
            ? TypedResults.Stream(stream, "application/octet-stream", entityTag: new EntityTagHeaderValue(stream.EntityTag), enableRangeProcessing: true)
            : TypedResults.Problem(
                title: "Not a served file",
                detail: "No file of that name in a commit this server serves; the commit may have been replaced: fetch /replication/manifest again.",
                statusCode: StatusCodes.Status404NotFound);
    }

    private static ProblemHttpResult? CheckKey(ReplicationSettings settings, string given)
    {
        if (given.Length == 0)
        {
            return TypedResults.Problem(
                title: "Replication key required",
                detail: $"Replication requests need the {ReplicationSettings.KeyHeader} header.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return SecretKey.Matches(settings.Key, given)
            ? null
            : TypedResults.Problem(
                title: "Invalid replication key",
                detail: $"The {ReplicationSettings.KeyHeader} header does not match this server's replication key.",
                statusCode: StatusCodes.Status401Unauthorized);
    }
}
