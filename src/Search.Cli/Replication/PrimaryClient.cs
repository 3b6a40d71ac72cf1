using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Search.Api.Contracts;
using Search.Api.Contracts.Replication;
using Search.Api.Replication;

namespace Search.Cli.Replication;

/// <summary>
/// The follower's side of <c>/replication/</c> (#19): fetches a primary's manifest and downloads the files of a commit,
/// resuming a partial file with a range request. Every failure is a <see cref="ReplicationException"/> in one line.
/// </summary>
internal sealed class PrimaryClient : IDisposable
{
    /// <summary>How long the manifest may take to arrive.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a download may go without a byte before it is given up (and resumed by the next sync).</summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(30);

    private const int BufferBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly string _key;

    public PrimaryClient(Uri address, string key)
    {
        // A base ending in '/' keeps a path prefix the primary may sit under (http://host/search/).
        Address = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        _key = key;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            BaseAddress = Address,
            Timeout = Timeout.InfiniteTimeSpan, // bounded per request below; a large file may take long, a stall may not
        };
    }

    /// <summary>The primary's base address.</summary>
    public Uri Address { get; }

    /// <summary>The commit the primary serves now.</summary>
    /// <exception cref="ReplicationException">Unreachable, key refused, no replication there, or not a manifest.</exception>
    public async Task<ReplicationManifestResponse> GetManifestAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var request = Request("replication/manifest");
        using var response = await SendAsync(request, "the manifest", timeout.Token, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await RefusalAsync(response, "the manifest", cancellationToken);
        }

        try
        {
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return JsonSerializer.Deserialize(text, ApiJsonContext.Default.ReplicationManifestResponse)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new ReplicationException($"The primary at {Address} did not send a replication manifest: {e.Message}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationException($"The primary at {Address} went away while sending the manifest: {e.Message}");
        }
    }

    /// <summary>
    /// Downloads <paramref name="file"/> of <paramref name="commit"/> into <paramref name="partPath"/>, continuing after
    /// the bytes already there when the primary still serves the same file (<c>If-Range</c>); true when complete and
    /// flushed to disk, false when the primary no longer serves the commit.
    /// </summary>
    /// <exception cref="ReplicationException">The primary refused, failed or went away; what arrived stays for the next try.</exception>
    /// <exception cref="IOException">The part file cannot be written (a full disk, for one).</exception>
    public async Task<bool> DownloadAsync(string commit, ReplicatedFileResponse file, string partPath, CancellationToken cancellationToken)
    {
        // Unbuffered: every byte received is in the file, so a follower killed now resumes from all of them.
        await using var output = new FileStream(partPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, bufferSize: 0);
        var offset = output.Length;
        if (offset > file.Length)
        {
            output.SetLength(0);
            offset = 0;
        }
        else if (offset == file.Length && offset > 0)
        {
            return true; // whole already: a run ended between the last byte and the checksum
        }

        using var request = Request($"replication/commits/{Uri.EscapeDataString(commit)}/files/{Uri.EscapeDataString(file.Name)}");
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(EntityTag(file));
        }

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(RequestTimeout);
        using var response = await SendAsync(request, file.Name, stall.Token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == offset)
        {
            output.Position = offset;
        }
        else if (response.StatusCode == HttpStatusCode.OK)
        {
            output.SetLength(0);
            offset = 0;
        }
        else
        {
            throw await RefusalAsync(response, file.Name, cancellationToken);
        }

        // Reads from the network and writes to the disk fail apart: the first is the primary's doing (the next sync
        // resumes), the second this machine's (a full disk), reported as such by the caller.
        await using var body = await ReadBodyAsync(response, file, offset, stall.Token, cancellationToken);
        var buffer = new byte[BufferBytes];
        while (true)
        {
            int read;
            try
            {
                stall.CancelAfter(StallTimeout);
                read = await body.ReadAsync(buffer, stall.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ReplicationException(
                    $"The primary at {Address} sent nothing of {file.Name} for {StallTimeout.TotalSeconds:F0} s ({offset} of {file.Length} bytes arrived; the next sync resumes).");
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw WentAway(file, offset, e);
            }

            if (read == 0)
            {
                break;
            }

            if (read > file.Length - offset)
            {
                throw new ReplicationException($"The primary at {Address} sent more of {file.Name} than the {file.Length} bytes its manifest says.");
            }

            try
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            catch (ArgumentOutOfRangeException e)
            {
                // .NET's word for EFBIG (a file size limit, a file system's maximum): an I/O failure like a full disk.
                throw new IOException($"{Path.GetFileName(partPath)}: {e.Message}", e);
            }

            offset += read;
        }

        if (offset != file.Length)
        {
            throw new ReplicationException(
                $"The primary at {Address} ended {file.Name} after {offset} of {file.Length} bytes (the next sync resumes).");
        }

        output.Flush(flushToDisk: true);
        return true;
    }

    public void Dispose() => _http.Dispose();

    private async Task<Stream> ReadBodyAsync(HttpResponseMessage response, ReplicatedFileResponse file, long offset, CancellationToken timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(timeout);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw WentAway(file, offset, e);
        }
    }

    private ReplicationException WentAway(ReplicatedFileResponse file, long offset, Exception e) => new(
        $"The primary at {Address} went away while sending {file.Name} ({offset} of {file.Length} bytes arrived; the next sync resumes): {e.Message}");

    /// <summary>The entity tag the primary gives <paramref name="file"/>: its checksum and length.</summary>
    public static EntityTagHeaderValue EntityTag(ReplicatedFileResponse file) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"{file.Checksum:x8}-{file.Length:x}\""));

    private HttpRequestMessage Request(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ReplicationSettings.KeyHeader, _key);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationException($"The primary at {Address} did not answer for {what} within {RequestTimeout.TotalSeconds:F0} s.");
        }
        catch (HttpRequestException e)
        {
            throw new ReplicationException($"Cannot reach the primary at {Address}: {e.Message}");
        }
    }

    private async Task<ReplicationException> RefusalAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var said = await ProblemAsync(response, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new ReplicationException(
                $"The primary at {Address} refused the replication key ({said}); nothing was changed. "
                    + $"--key (or Search__Replication__Key) must be the primary's {ReplicationSettings.KeyKey}.",
                keyRefused: true),
            HttpStatusCode.NotFound => new ReplicationException(
                $"The primary at {Address} does not serve replication (404 for {what}): set {ReplicationSettings.KeyKey} there."),
            _ => new ReplicationException($"The primary at {Address} answered {(int)response.StatusCode} for {what}: {said}"),
        };
    }

    // "Title: detail" of a problem document, or the status text when the body is something else.
    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return string.Join(": ", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            return response.ReasonPhrase ?? response.StatusCode.ToString();
        }
    }
}
