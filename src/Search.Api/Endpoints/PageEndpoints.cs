using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Search.Api.Endpoints;

/// <summary>The browser pages (#5): <c>/</c> (search) and <c>/judge</c> (relevance judging), with their scripts and styles.</summary>
/// <remarks>
/// The files live in <c>Web/</c> and are embedded in the assembly, so the API host and <c>news-search serve</c>
/// serve the same bytes wherever they run from. They are plain HTML, CSS and JavaScript modules, no inline script or
/// style, so the service's Content-Security-Policy of <c>'self'</c> holds. Every response is revalidated
/// (<c>no-cache</c> with an ETag): a deployment is seen on the next load, and an unchanged file costs a 304.
/// </remarks>
public static class PageEndpoints
{
    private static readonly Lazy<IFileProvider> Files = new(() => new ManifestEmbeddedFileProvider(typeof(PageEndpoints).Assembly, "Web"));

    /// <summary>Serves <c>/css/*</c>, <c>/js/*</c> and the icon from the embedded files.</summary>
    public static WebApplication UsePageAssets(this WebApplication app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files.Value,
            ContentTypeProvider = types,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    /// <summary>Maps <c>/</c> and <c>/judge</c> to their HTML documents; they are pages, not API operations, so OpenAPI leaves them out.</summary>
    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext context) => Page(context, "index.html")).ExcludeFromDescription();
        routes.MapGet("/judge", (HttpContext context) => Page(context, "judge.html")).ExcludeFromDescription();
        return routes;
    }

    private static IResult Page(HttpContext context, string name)
    {
        var file = Files.Value.GetFileInfo(name);
        if (!file.Exists)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        var etag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
        return TypedResults.Stream(file.CreateReadStream(), "text/html; charset=utf-8", lastModified: file.LastModified, entityTag: etag);
    }
}
