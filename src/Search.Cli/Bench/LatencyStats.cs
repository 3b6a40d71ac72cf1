namespace Search.Cli.Bench;

/// <summary>Latency percentiles (ms) and throughput of a set of timed operations.</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max, double PerSecond)
{
    /// <summary>Summarizes per-operation times measured over <paramref name="wall"/>.</summary>
    public static LatencyStats From(IReadOnlyCollection<double> milliseconds, TimeSpan wall)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : sorted[^1],
            wall.TotalSeconds > 0 ? sorted.Length / wall.TotalSeconds : 0);
    }
}
