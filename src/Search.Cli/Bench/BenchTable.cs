using System.Globalization;
using Search.Querying;
using Spectre.Console;

namespace Search.Cli.Bench;

/// <summary>The bench's one table: every figure beside its reference from the same run, then the targets.</summary>
internal static class BenchTable
{
    public static Table Render(BenchResults r)
    {
        var table = new Table()
            .Title($"news-search bench: {r.Documents:N0} articles ({Mb(r.InputBytes)} input, x{r.Scale}), {r.Cores} cores, {r.GarbageCollector}")
            .AddColumns("what", "figure", "ratio");
        AddIndexing(table, r);
        AddInProcess(table, r);
        AddHttp(table, r);
        if (r.Targets.Count > 0)
        {
            table.AddRow("[bold]targets (#17)[/]", string.Empty, string.Empty);
            foreach (var target in r.Targets)
            {
                table.AddRow(Markup.Escape(target.What), Markup.Escape($"{target.Reached} (target {target.Target})"),
                    target.Met switch { true => "met", false => "[red]not met[/]", null => "n/a" });
            }
        }

        return table;
    }

    private static void AddIndexing(Table table, BenchResults r)
    {
        table.AddRow("[bold]indexing[/]", string.Empty, string.Empty);
        table.AddRow("reference: 1 thread, stock ArabicAnalyzer, AddDocument",
            $"{F(r.Reference.DocsPerSecond)} docs/s, {F(r.Reference.MegabytesPerSecond, "N1")} MB/s, {F(r.Reference.Seconds, "N1")} s", "1.00x");
        table.AddRow("news-search index, empty on-disk index",
            $"{F(r.Ours.DocsPerSecond)} docs/s, {F(r.Ours.MegabytesPerSecond, "N1")} MB/s, {F(r.Ours.Seconds, "N1")} s",
            $"{F(r.Ours.DocsPerSecond / r.Reference.DocsPerSecond, "N2")}x reference, {F(100 * r.Ours.DocsPerSecond / r.AnalysisCeiling, "N0")}% of ceiling");
        table.AddRow("  tokens indexed per article: reference, news-search",
            $"{F(r.Reference.TokensPerDocument, "N0")}, {F(r.Ours.TokensPerDocument, "N0")}",
            $"{F(r.Ours.TokensPerDocument / r.Reference.TokensPerDocument, "N2")}x the tokens; {F(r.Ours.TokensPerSecond / r.Reference.TokensPerSecond, "N2")}x reference in tokens/s");
        table.AddRow("  peak memory, index size", $"{Mb(r.Ours.PeakResident)}, {Mb(r.Ours.IndexBytes)} on disk in {F(r.Ours.Segments)} segment(s)", string.Empty);
        table.AddRow("analysis only, all cores (ceiling)", $"{F(r.AnalysisCeiling)} docs/s",
            $"{F(r.AnalysisCeiling / r.Reference.DocsPerSecond, "N2")}x reference");
    }

    private static void AddInProcess(Table table, BenchResults r)
    {
        table.AddRow("[bold]search, in process, 1 thread, result cache off[/]", string.Empty, string.Empty);
        foreach (var (what, ours, stock) in new[]
        {
            ("short queries (1-4 words, filters, newest first)", r.InProcess, r.StockShort),
            ("headline-length queries (whole titles)", r.InProcessHeadlines, r.StockHeadlines),
        })
        {
            if (ours is null)
            {
                continue;
            }

            table.AddRow($"{what}: {ours.Count:N0}, facets + snippets + did-you-mean", Latency(ours),
                stock is null ? $"{F(ours.PerSecond)} queries/s" : $"{F(ours.PerSecond)} queries/s; p50 {F(ours.P50 / stock.P50, "N2")}x, p99 {F(ours.P99 / stock.P99, "N2")}x the stock search");
            if (stock is not null)
            {
                table.AddRow("  stock search of the same text: title + body OR, BM25, top 10", Latency(stock), $"{F(stock.PerSecond)} queries/s");
            }
        }
    }

    private static void AddHttp(Table table, BenchResults r)
    {
        foreach (var (title, loads) in new[]
        {
            ($"[bold]HTTP /search, short queries, result cache off[/] (separate server process, load from {r.LoadGenerator})", r.Http),
            ($"[bold]HTTP /search, headline-length queries, result cache off[/] (same server, load from {r.LoadGenerator})", r.HttpHeadlines),
            ($"[bold]HTTP /suggest[/] (same server, load from {r.LoadGenerator})", r.Suggest),
        })
        {
            if (loads.Count == 0)
            {
                continue;
            }

            table.AddRow(title, string.Empty, string.Empty);
            var first = loads[0].Throughput;
            foreach (var load in loads)
            {
                table.AddRow($"{load.Connections} connections", Load(load),
                    first > 0 ? $"{F(load.Throughput / first, "N2")}x {loads[0].Connections} connection(s)" : "n/a (nothing answered at the first concurrency)");
            }
        }

        if (r.HttpRepeated.Count > 0)
        {
            table.AddRow($"[bold]HTTP /search, repeated queries, result cache on[/] (second server process, load from {r.LoadGenerator})", string.Empty, string.Empty);
            foreach (var load in r.HttpRepeated)
            {
                var uncached = r.Http.FirstOrDefault(u => u.Connections == load.Connections);
                table.AddRow($"{load.Connections} connections", $"{Load(load)}, {F(100 * (load.Cache?.HitRatio ?? 0), "N0")}% from the cache",
                    uncached is { Throughput: > 0 } ? $"{F(load.Throughput / uncached.Throughput, "N2")}x cache off, same connections" : "n/a");
            }
        }

        if (r.Http.Count > 0)
        {
            table.AddRow("API resident memory after the load", Mb(r.ApiResident) + ", cache off", string.Empty);
            table.AddRow("  with the result cache on", Mb(r.ApiResidentCached), string.Empty);
            table.Caption(Markup.Escape(
                $"HTTP /search, result cache off: a server started with {BenchRunner.CacheEntriesVariable}=0, each workload's queries in turn "
                + $"({F(r.DistinctQueries)} distinct short ones): the cost of searching. Repeated queries, result cache on: a second server with "
                + $"the default cache ({F(NewsSearcherOptions.DefaultResultCacheEntries)} pages), each run's targets drawn (seeded) by a Zipf law "
                + $"(s = {F(r.ZipfExponent, "0.0#")}) over the distinct short queries, so popular ones repeat and the tail stays cold; \"from the "
                + "cache\" is the share of the run's searches the server answered from it (its /health counters)."));
        }
    }

    private static string Latency(LatencyStats stats) => $"p50 {F(stats.P50, "N2")} ms, p95 {F(stats.P95, "N2")} ms, p99 {F(stats.P99, "N2")} ms";

    private static string Load(LoadReport load) =>
        $"{F(load.Throughput)} req/s, p50 {F(load.P50, "N1")} ms, p99 {F(load.P99, "N1")} ms, {load.Errors + load.Statuses.Where(s => s.Key != 200).Sum(s => s.Value)} errors";

    private static string F(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => F(bytes / 1_048_576.0, "N0") + " MiB";
}
