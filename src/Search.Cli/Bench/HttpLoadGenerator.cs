using System.Diagnostics;
using System.Net;

namespace Search.Cli.Bench;

/// <summary>
/// A closed-loop HTTP load generator: a fixed number of connections, each sending its next request as soon as the
/// previous one is answered, for a fixed time. Only for addresses on this machine (benchmarks and soak tests).
/// </summary>
internal static class HttpLoadGenerator
{
    /// <summary>Sends GET requests for <paramref name="targets"/> (round robin) from <paramref name="connections"/> connections.</summary>
    /// <remarks>
    /// Without <paramref name="spread"/>, connection k starts at target k, so the connections walk the list nearly in
    /// step (each target is asked by every connection within a few requests). With it, each connection starts at its own
    /// share of the list (connection k at k/connections of it), so the connections' requests are as independent as the
    /// list's: a server's result cache then sees the list's repeats, not the other connections' (#6).
    /// </remarks>
    public static async Task<LoadReport> RunAsync(
        Uri baseAddress, IReadOnlyList<string> targets, int connections, TimeSpan duration, CancellationToken cancellationToken,
        bool spread = false)
    {
        EnsureLoopback(baseAddress);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections)
            .Select(worker => spread ? (int)((long)worker * targets.Count / connections) : worker)
            .Select(start => Task.Run(() => WorkAsync(client, targets, start, stop.Token), CancellationToken.None))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;

        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var statuses = results.SelectMany(r => r.Statuses)
            .GroupBy(pair => pair.Key)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));
        var errors = results.SelectMany(r => r.Errors).ToList();
        return new LoadReport(connections, elapsed, latencies.Length, statuses, errors.Count, errors.Take(5).ToList(),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : latencies[^1]);
    }

    /// <summary>Throws unless <paramref name="baseAddress"/> is on this machine: load is never sent anywhere else.</summary>
    public static void EnsureLoopback(Uri baseAddress)
    {
        if (!IPAddress.TryParse(baseAddress.Host, out var address) ? baseAddress.Host != "localhost" : !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("Load is only ever sent to this machine (a loopback address).", nameof(baseAddress));
        }
    }

    private static async Task<WorkerResult> WorkAsync(HttpClient client, IReadOnlyList<string> targets, int start, CancellationToken stop)
    {
        var result = new WorkerResult();
        for (var i = start; !stop.IsCancellationRequested; i++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(targets[i % targets.Count], HttpCompletionOption.ResponseContentRead, stop);
                result.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var status = (int)response.StatusCode;
                result.Statuses[status] = result.Statuses.GetValueOrDefault(status) + 1;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break; // the run ended with this request in flight: not counted
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                result.Errors.Add($"{targets[i % targets.Count]}: {e.Message}");
            }
        }

        return result;
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class WorkerResult
    {
        public List<double> Latencies { get; } = [];

        public Dictionary<int, int> Statuses { get; } = [];

        public List<string> Errors { get; } = [];
    }
}
