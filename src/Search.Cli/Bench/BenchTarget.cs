using System.Globalization;

namespace Search.Cli.Bench;

/// <summary>A speed target of issue #17, what a run reached and whether that meets it.</summary>
internal sealed record BenchTarget(string What, string Target, string Reached, bool? Met)
{
    /// <summary>The targets: indexing against the stock loop, headline latency in process, HTTP throughput and p99 at 32 connections, API memory.</summary>
    public static IReadOnlyList<BenchTarget> Evaluate(BenchResults r)
    {
        string F(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
        var targets = new List<BenchTarget>();
        var indexing = r.Reference.DocsPerSecond > 0 ? r.Ours.DocsPerSecond / r.Reference.DocsPerSecond : 0;
        targets.Add(new("indexing, against the stock loop", "≥ 1.0x (stretch 1.5x)", $"{F(indexing, "N2")}x", indexing >= 1.0));
        if (r.InProcessHeadlines is { } headlines)
        {
            targets.Add(new("headline queries in process", "p50 ≤ 2.5 ms, p99 ≤ 12 ms",
                $"p50 {F(headlines.P50, "N2")} ms, p99 {F(headlines.P99, "N2")} ms", headlines.P50 <= 2.5 && headlines.P99 <= 12));
        }

        foreach (var (what, loads, throughput, p99) in new[]
        {
            ("HTTP /search, headline queries, 32 connections", r.HttpHeadlines, 1_000.0, 50.0),
            ("HTTP /search, short queries, 32 connections", r.Http, 3_000.0, 20.0),
        })
        {
            if (loads.FirstOrDefault(load => load.Connections == 32) is { } load)
            {
                targets.Add(new(what, $"≥ {F(throughput)} req/s, p99 ≤ {F(p99)} ms", $"{F(load.Throughput)} req/s, p99 {F(load.P99, "N1")} ms",
                    load.Throughput >= throughput && load.P99 <= p99));
            }
        }

        if (r.ApiResident > 0)
        {
            var mib = Math.Max(r.ApiResident, r.ApiResidentCached) / 1_048_576.0;
            targets.Add(new("API resident memory with the full corpus", "< 600 MiB", $"{F(mib)} MiB", mib < 600));
        }

        return targets;
    }
}
