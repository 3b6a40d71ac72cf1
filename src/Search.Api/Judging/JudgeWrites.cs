using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Search.Api.Judging;

/// <summary>
/// The guard of the workbench's writes, in the order a request meets it: the write key (401), a JSON content type
/// (415: a form on another site cannot post JSON without a CORS preflight, and CORS admits no origin by default), the
/// body size (413), well-formed JSON (400). Handlers validate the fields themselves.
/// </summary>
internal static class JudgeWrites
{
    /// <summary>A 401 problem when a write key is configured and <paramref name="given"/> is not it; null when the write may go on.</summary>
    public static ProblemHttpResult? CheckKey(JudgingSettings settings, string? given)
    {
        if (settings.WriteKey is not { } key)
        {
            return null;
        }

        if (string.IsNullOrEmpty(given))
        {
            return Unauthorized("Write key required", $"Writes on this server need the {JudgingSettings.WriteKeyHeader} header.");
        }

        // Hashes have one length, so the comparison takes the same time whatever the key and the guess.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        return CryptographicOperations.FixedTimeEquals(expected, actual)
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
