using System.Globalization;

namespace Search.Cli.Bench;

/// <summary>What a load run measured: answered requests by status, transport errors, throughput and latency (ms).</summary>
internal sealed record LoadReport(
    int Connections,
    TimeSpan Elapsed,
    int Requests,
    IReadOnlyDictionary<int, int> Statuses,
    int Errors,
    IReadOnlyList<string> FirstErrors,
    double P50,
    double P95,
    double P99,
    double Max)
{
    /// <summary>For <c>/search</c> runs: what the server's result cache did meanwhile (its capacity is 0 when it is off).</summary>
    public CacheActivity? Cache { get; init; }

    /// <summary>Answered requests per second.</summary>
    public double Throughput => Elapsed.TotalSeconds > 0 ? Requests / Elapsed.TotalSeconds : 0;

    /// <summary>One line for logs and test output.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Connections} connections, {Elapsed.TotalSeconds:F1} s: {Requests:N0} requests ({Throughput:N0}/s), "
        + $"p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms; statuses "
        + $"{string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"))}; {Errors} transport errors");
}
