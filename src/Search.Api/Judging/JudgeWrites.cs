using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Search.Api.Judging;

/// <summary>
/// The guard of the workbench's writes, in the order a request meets it: the write key (401) or, without one, a
/// client on this machine (403), a JSON content type (415: a form on another site cannot post JSON without a CORS
/// preflight, and CORS admits no origin by default), the body size (413), well-formed JSON (400). Handlers validate the fields themselves.
/// </summary>
internal static class JudgeWrites
{
    /// <summary>
    /// Null when the write may go on; otherwise the problem to answer. With a write key configured, a request without
    /// it or with another one gets a 401. Without one, writes are accepted only from this machine (#19: behind a load
    /// balancer the API is no longer a localhost tool), as <see cref="ForwardedClients.IsLoopback"/> tells; any other
    /// client gets a 403 naming the key to set.
    /// </summary>
    public static ProblemHttpResult? CheckKey(JudgingSettings settings, string? given, HttpContext context)
    {
        if (settings.WriteKey is not { } key)
        {
            return ForwardedClients.IsLoopback(context)
                ? null
                : TypedResults.Problem(
                    title: "Writes only from this machine",
                    detail: $"This server has no judging write key, so it accepts workbench writes from its own machine only. "
                        + $"Set {JudgingSettings.WriteKeyKey} (environment Search__Judgments__WriteKey) and send it in the "
                        + $"{JudgingSettings.WriteKeyHeader} header to write from elsewhere.",
                    statusCode: StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrEmpty(given))
        {
            return Unauthorized("Write key required", $"Writes on this server need the {JudgingSettings.WriteKeyHeader} header.");
        }

        return SecretKey.Matches(key, given)
            ? null
            : Unauthorized("Invalid write key", $"The {JudgingSettings.WriteKeyHeader} header does not match the server's write key.");
    }

    /// <summary>Reads a JSON body of at most <paramref name="maxBytes"/> bytes; on failure, the problem to answer.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(
        HttpRequest request, JsonTypeInfo<T> type, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                title: "Unsupported Media Type",
                detail: "Writes take a JSON body: send Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Bounded copy: a chunked body has no Content-Length to check up front.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type);
            return value is null ? (null, InvalidBody("The body is null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, InvalidBody(e.Message));
        }
    }

    private static ProblemHttpResult Unauthorized(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    private static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        title: "Request body too large",
        detail: $"The body of this write may be at most {maxBytes} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static ProblemHttpResult InvalidBody(string detail) =>
        TypedResults.Problem(title: "Invalid JSON body", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
