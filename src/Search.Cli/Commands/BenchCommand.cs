using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Search.Cli.Bench;
using Search.Core.Storage;
using Search.Querying;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// <c>bench</c>: indexing throughput against a single-threaded stock reference and the analysis-only ceiling measured
/// in the same run, in-process query latency, and HTTP throughput and latency at several concurrencies, as one table.
/// </summary>
/// <remarks>
/// Search itself is measured with the result cache off (#6): in process, and over HTTP against a server started with
/// <c>Search__ResultCache__Entries=0</c>, each query of the workload in turn. A second server, with the default cache,
/// is then loaded with the same queries repeated as a search box sees them (a seeded Zipf law over the distinct
/// queries): those rows measure what the cache gives, and say which share of searches it answered.
/// </remarks>
internal static class BenchCommand
{
    public const string DefaultCorpus = "../shared/corpus/news-full.jsonl.gz";

    /// <summary>The exponent of the Zipf law of the repeated-query rows.</summary>
    public const double ZipfExponent = 1.0;

    private const string CacheEntriesVariable = "Search__ResultCache__Entries";

    public static Command Create(CliConsole console)
    {
        var corpus = new Option<string>("--corpus") { Description = "Corpus file or folder", DefaultValueFactory = _ => DefaultCorpus, HelpName = "path" };
        var scale = new Option<int>("--scale") { Description = "Replicate the corpus this many times with new ids", DefaultValueFactory = _ => 1, HelpName = "n" };
        var queries = new Option<int>("--queries") { Description = "In-process queries to time (after 200 of warm-up)", DefaultValueFactory = _ => 2000, HelpName = "n" };
        var connections = new Option<string>("--connections") { Description = "HTTP concurrencies, comma-separated (empty: skip HTTP)", DefaultValueFactory = _ => "1,8,32,64", HelpName = "list" };
        var duration = new Option<double>("--duration") { Description = "Seconds of HTTP load per concurrency (after 5 s of warm-up)", DefaultValueFactory = _ => 10, HelpName = "seconds" };
        var load = new Option<string>("--load-generator")
        {
            Description = "What sends the HTTP load: wrk (Debian's package), the in-repo generator, or auto (wrk when installed)",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|wrk|in-repo",
        };
        load.AcceptOnlyFromAmong("auto", "wrk", "in-repo");
        var work = new Option<string?>("--work-dir") { Description = "Where the indexes are built (default: a new temp folder, removed after)", HelpName = "dir" };
        var json = CommonOptions.Json();
        var command = new Command("bench", "Measure indexing and search against references measured in the same run, and print one table")
        {
            corpus, scale, queries, connections, duration, load, work, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var concurrencies = ParseList(parse.GetValue(connections));
            if (concurrencies is null || parse.GetValue(scale) < 1 || parse.GetValue(queries) < 1 || parse.GetValue(duration) <= 0)
            {
                await console.Error.WriteLineAsync("--scale, --queries and --duration must be positive; --connections a list of positive numbers.");
                return ExitCodes.Usage;
            }

            var generator = LoadGenerator.Choose(parse.GetValue(load));
            if (generator is null)
            {
                await console.Error.WriteLineAsync("--load-generator wrk: wrk is not on the PATH (Debian: apt-get install wrk).");
                return ExitCodes.Usage;
            }

            var workDir = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "news-search-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(workDir);
            try
            {
                var results = await RunAsync(console, parse.GetRequiredValue(corpus), parse.GetValue(scale), parse.GetValue(queries),
                    concurrencies, TimeSpan.FromSeconds(parse.GetValue(duration)), generator, workDir, cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(console.Out, results);
                }
                else
                {
                    console.Tables.Write(Render(results));
                }

                return ExitCodes.Ok;
            }
            finally
            {
                if (parse.GetValue(work) is null)
                {
                    TryDelete(workDir);
                }
            }
        });
        return command;
    }

    private static async Task<BenchResults> RunAsync(CliConsole console, string corpusPath, int scale, int queryCount,
        IReadOnlyList<int> concurrencies, TimeSpan duration, LoadGenerator load, string workDir, CancellationToken cancellationToken)
    {
        void Say(string step) => console.Error.WriteLine($"bench: {step}");

        Say($"reading {corpusPath} (x{scale})");
        var corpus = BenchCorpus.Load(corpusPath, scale, workDir);
        var megabytes = corpus.InputBytes / 1_048_576.0;

        Say("indexing with news-search index (child process)");
        var indexRoot = Path.Combine(workDir, "index");
        IndexRun ours;
        using (var child = ChildProcess.Start(["index", .. corpus.Files, "--index", indexRoot, "--json", "--commit-every", "0"]))
        {
            var summary = JsonDocument.Parse(await child.OutputAsync(cancellationToken)).RootElement;
            var seconds = summary.GetProperty("elapsedSeconds").GetDouble();
            var documents = summary.GetProperty("indexed").GetInt64() + summary.GetProperty("replaced").GetInt64();
            var generation = new IndexLayout(indexRoot).TryGetCurrent()!;
            var contents = IndexContents.Read(generation);
            ours = new IndexRun(documents, seconds, documents / seconds, megabytes / seconds, child.PeakResident,
                FolderSize(generation), contents.Tokens, contents.Segments);
        }

        Say("analysis only, all cores (the ceiling)");
        var clock = Stopwatch.StartNew();
        AnalysisCeiling.Run(corpus.Articles);
        var ceiling = corpus.Articles.Count / clock.Elapsed.TotalSeconds;

        Say("reference: one thread, stock ArabicAnalyzer, AddDocument per article");
        var referencePath = Path.Combine(workDir, "reference");
        clock.Restart();
        var referenceCount = ReferenceIndexer.Run(corpus.Files, referencePath);
        var referenceSeconds = clock.Elapsed.TotalSeconds;
        var referenceContents = IndexContents.Read(referencePath);
        var reference = new IndexRun(referenceCount, referenceSeconds, referenceCount / referenceSeconds,
            megabytes / referenceSeconds, 0, FolderSize(referencePath), referenceContents.Tokens, referenceContents.Segments);
        TryDelete(referencePath);

        Say($"in-process search: {queryCount} queries after 200 of warm-up");
        var workload = QueryWorkload.Create(corpus.Articles, queryCount + 200);
        LatencyStats inProcess;
        // The cache off: the workload repeats queries (on a small corpus, many times), and this row measures searching.
        using (var searcher = new NewsSearcher(new NewsSearcherOptions(indexRoot, RefreshInterval: Timeout.InfiniteTimeSpan) { ResultCacheEntries = 0 }))
        {
            // As for HTTP below (and as the API does at start): the suggestion dictionary, which did-you-mean reads, is
            // built before timing. Otherwise the first searches start building it in the background and the timed ones
            // share the cores with that build and take the slower path used until it is ready.
            searcher.PrepareSuggestions();
            searcher.Suggest("ال");
            foreach (var request in workload.Take(200))
            {
                searcher.Search(request);
            }

            var times = new List<double>(queryCount);
            clock.Restart();
            foreach (var request in workload.Skip(200))
            {
                var started = Stopwatch.GetTimestamp();
                searcher.Search(request);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            inProcess = LatencyStats.From(times, clock.Elapsed);
        }

        var http = new List<LoadReport>();
        var suggest = new List<LoadReport>();
        var repeated = new List<LoadReport>();
        long apiResident = 0;
        long apiResidentCached = 0;
        var searchUrls = QueryWorkload.AsUrls(workload);
        var distinctQueries = searchUrls.Distinct(StringComparer.Ordinal).Count();
        if (concurrencies.Count > 0)
        {
            Say($"HTTP: news-search serve with the result cache off (child process), load from {load.Name}");
            using (var server = StartServer(indexRoot, cacheEntries: 0))
            {
                var (address, probe) = await ReadyAsync(server, cancellationToken);
                using (probe)
                {
                    var suggestUrls = QueryWorkload.SuggestUrls(corpus.Articles, 2000);
                    await load.RunAsync(address, [.. searchUrls, .. suggestUrls], concurrencies.Max(), TimeSpan.FromSeconds(5), cancellationToken);
                    foreach (var connections in concurrencies)
                    {
                        Say($"HTTP /search: {connections} connections for {duration.TotalSeconds:F0} s");
                        http.Add(await WithCacheActivityAsync(probe,
                            () => load.RunAsync(address, searchUrls, connections, duration, cancellationToken), cancellationToken));
                    }

                    foreach (var connections in concurrencies)
                    {
                        Say($"HTTP /suggest: {connections} connections for {duration.TotalSeconds:F0} s");
                        suggest.Add(await load.RunAsync(address, suggestUrls, connections, duration, cancellationToken));
                    }
                }

                apiResident = server.Resident;
            }

            Say($"HTTP: news-search serve with the default result cache, queries repeated by a Zipf law (s = {ZipfExponent}) over {distinctQueries:N0} distinct ones");
            using (var server = StartServer(indexRoot, NewsSearcherOptions.DefaultResultCacheEntries))
            {
                var (address, probe) = await ReadyAsync(server, cancellationToken);
                using (probe)
                {
                    // Each run draws its own targets (seeded), and each connection starts at its own share of them: the
                    // cache sees the law's repeats, not a replay of the warm-up's sequence or of another connection's.
                    // More targets than a run sends even at 20,000 requests/s, so no connection reaches the next one's
                    // share. The warm-up leaves the cache as a server that has been running a while has it.
                    var count = (int)Math.Clamp(duration.TotalSeconds * 20_000, 200_000, 2_000_000);
                    await load.RunAsync(address, QueryWorkload.Zipf(searchUrls, count, seed: 2028, ZipfExponent),
                        concurrencies.Max(), TimeSpan.FromSeconds(5), cancellationToken, spread: true);
                    for (var run = 0; run < concurrencies.Count; run++)
                    {
                        var connections = concurrencies[run];
                        var targets = QueryWorkload.Zipf(searchUrls, count, seed: 2029 + run, ZipfExponent);
                        Say($"HTTP /search, repeated queries, result cache on: {connections} connections for {duration.TotalSeconds:F0} s");
                        repeated.Add(await WithCacheActivityAsync(probe,
                            () => load.RunAsync(address, targets, connections, duration, cancellationToken, spread: true), cancellationToken));
                    }
                }

                apiResidentCached = server.Resident;
            }
        }

        return new BenchResults(
            corpusPath, scale, corpus.Articles.Count, corpus.InputBytes, Environment.ProcessorCount,
            reference, ours, ceiling, inProcess, http, suggest, apiResident)
        {
            HttpRepeated = repeated,
            ApiResidentCached = apiResidentCached,
            LoadGenerator = concurrencies.Count > 0 ? load.Name : null,
            DistinctQueries = distinctQueries,
            ZipfExponent = ZipfExponent,
        };
    }

    // `serve` reads its configuration from the environment like the API: the cache is set explicitly either way, so an
    // operator's Search__ResultCache__Entries cannot change what a row measures.
    private static ChildProcess StartServer(string indexRoot, int cacheEntries) => ChildProcess.Start(
        ["serve", "--index", indexRoot, "--urls", "http://127.0.0.1:0"],
        new Dictionary<string, string>
        {
            ["Search__RateLimit__PermitsPerSecond"] = "0",
            [CacheEntriesVariable] = cacheEntries.ToString(CultureInfo.InvariantCulture),
        });

    // The server builds its suggestion dictionary in the background at start; the first /suggest waits for it.
    // Measuring before it is done would time the build, not the service.
    private static async Task<(Uri Address, HttpClient Probe)> ReadyAsync(ChildProcess server, CancellationToken cancellationToken)
    {
        var address = await server.ServingAddressAsync(cancellationToken);
        var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        (await probe.GetAsync("/suggest?q=" + Uri.EscapeDataString("ال"), cancellationToken)).Dispose();
        return (address, probe);
    }

    // The server's cache counters around a /search run (its /health): 0 capacity and no lookups when the cache is off.
    private static async Task<LoadReport> WithCacheActivityAsync(HttpClient probe, Func<Task<LoadReport>> run, CancellationToken cancellationToken)
    {
        var before = await CacheActivity.ReadAsync(probe, cancellationToken);
        var report = await run();
        var after = await CacheActivity.ReadAsync(probe, cancellationToken);
        return report with { Cache = after.Since(before) };
    }

    private static Table Render(BenchResults r)
    {
        string F(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
        string Mb(long bytes) => F(bytes / 1_048_576.0, "N0") + " MiB";
        var table = new Table()
            .Title($"news-search bench: {r.Documents:N0} articles ({Mb(r.InputBytes)} input, x{r.Scale}), {r.Cores} cores, {r.GarbageCollector}")
            .AddColumns("what", "figure", "ratio");
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
        table.AddRow("[bold]search, in process[/]", string.Empty, string.Empty);
        table.AddRow($"{r.InProcess.Count:N0} queries, facets + snippets, 1 thread, result cache off",
            $"p50 {F(r.InProcess.P50, "N2")} ms, p95 {F(r.InProcess.P95, "N2")} ms, p99 {F(r.InProcess.P99, "N2")} ms",
            $"{F(r.InProcess.PerSecond)} queries/s");
        foreach (var (title, loads) in new[]
        {
            ($"[bold]HTTP /search, result cache off[/] (separate server process, load from {r.LoadGenerator})", r.Http),
            ($"[bold]HTTP /suggest[/] (separate server process, load from {r.LoadGenerator})", r.Suggest),
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
                table.AddRow($"{load.Connections} connections",
                    $"{F(load.Throughput)} req/s, p50 {F(load.P50, "N1")} ms, p99 {F(load.P99, "N1")} ms, {load.Errors + load.Statuses.Where(s => s.Key != 200).Sum(s => s.Value)} errors",
                    first > 0 ? $"{F(load.Throughput / first, "N2")}x {loads[0].Connections} connection(s)" : "n/a (nothing answered at the first concurrency)");
            }
        }

        if (r.HttpRepeated.Count > 0)
        {
            table.AddRow($"[bold]HTTP /search, repeated queries, result cache on[/] (second server process, load from {r.LoadGenerator})", string.Empty, string.Empty);
            foreach (var load in r.HttpRepeated)
            {
                var uncached = r.Http.FirstOrDefault(u => u.Connections == load.Connections);
                table.AddRow($"{load.Connections} connections",
                    $"{F(load.Throughput)} req/s, p50 {F(load.P50, "N1")} ms, p99 {F(load.P99, "N1")} ms, {load.Errors + load.Statuses.Where(s => s.Key != 200).Sum(s => s.Value)} errors, "
                    + $"{F(100 * (load.Cache?.HitRatio ?? 0), "N0")}% from the cache",
                    uncached is { Throughput: > 0 } ? $"{F(load.Throughput / uncached.Throughput, "N2")}x cache off, same connections" : "n/a");
            }
        }

        if (r.Http.Count > 0)
        {
            table.AddRow("API resident memory after the load", Mb(r.ApiResident) + ", cache off", string.Empty);
            table.AddRow("  with the result cache on", Mb(r.ApiResidentCached), string.Empty);
            table.Caption(Markup.Escape(
                $"HTTP /search, result cache off: a server started with {CacheEntriesVariable}=0, the {F(r.InProcess.Count + 200)} queries "
                + $"of the workload in turn ({F(r.DistinctQueries)} distinct): the cost of searching. Repeated queries, result cache on: a "
                + $"second server with the default cache ({F(NewsSearcherOptions.DefaultResultCacheEntries)} pages), each run's targets drawn "
                + $"(seeded) by a Zipf law (s = {F(r.ZipfExponent, "0.0#")}) over the distinct queries, so popular ones repeat and the tail "
                + "stays cold; \"from the cache\" is the share of the run's searches the server answered from it (its /health counters)."));
        }

        return table;
    }

    private static List<int>? ParseList(string? text)
    {
        var values = new List<int>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    private static long FolderSize(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is not a failed benchmark.
        }
    }

    // Tokens: what the postings hold, the inverting work, which grows with the analyzed fields; segments: what the build
    // left for searches to look each term up in (IndexContents).
    private sealed record IndexRun(
        long Documents, double Seconds, double DocsPerSecond, double MegabytesPerSecond, long PeakResident, long IndexBytes,
        long Tokens, int Segments)
    {
        public double TokensPerDocument => Documents > 0 ? (double)Tokens / Documents : 0;

        public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;
    }

    // Workstation or server, and the largest gen0 budget: with ~1 MB allocated per search, the budget decides how often
    // a search stops for a collection (#6: DOTNET_GCgen0size, see README "Performance"), so every table says which it had.
    private static string DescribeGarbageCollector()
    {
        var budget = GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var value) && value is IConvertible number
            ? $", gen0 budget up to {number.ToInt64(CultureInfo.InvariantCulture) / 1_048_576.0:0.#} MiB"
            : string.Empty;
        var configured = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") is { Length: > 0 } gen0 ? $" (DOTNET_GCgen0size={gen0})" : string.Empty;
        return (System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC") + budget + configured;
    }

    private sealed record BenchResults(
        string Corpus, int Scale, int Documents, long InputBytes, int Cores, IndexRun Reference, IndexRun Ours,
        double AnalysisCeiling, LatencyStats InProcess, IReadOnlyList<LoadReport> Http, IReadOnlyList<LoadReport> Suggest,
        long ApiResident)
    {
        /// <summary>The garbage collector the run and its child processes had (they inherit the environment): see <see cref="DescribeGarbageCollector"/>.</summary>
        public string GarbageCollector { get; init; } = DescribeGarbageCollector();

        /// <summary>HTTP /search against a server with the default result cache, targets repeated by a Zipf law.</summary>
        public IReadOnlyList<LoadReport> HttpRepeated { get; init; } = [];

        /// <summary>Resident memory of that server after its load.</summary>
        public long ApiResidentCached { get; init; }

        /// <summary>Distinct query URLs in the workload: the ranks of the Zipf law.</summary>
        public int DistinctQueries { get; init; }

        public double ZipfExponent { get; init; }

        /// <summary>What sent the HTTP load (see <see cref="LoadGenerator"/>); null when there was none.</summary>
        public string? LoadGenerator { get; init; }
    }

    /// <summary>
    /// What sends the HTTP load: wrk, a second process in C, when it is installed; otherwise the in-repo generator, which
    /// shares the process (and, on a small machine, the cores) of the bench (see <see cref="WrkLoadGenerator"/>).
    /// </summary>
    private sealed record LoadGenerator(string Name, string? Wrk)
    {
        /// <summary>The generator <paramref name="choice"/> names; null when it is wrk and wrk is not installed.</summary>
        public static LoadGenerator? Choose(string? choice)
        {
            var wrk = choice == "in-repo" ? null : WrkLoadGenerator.Find();
            return (choice, wrk) switch
            {
                ("wrk", null) => null,
                (_, { } path) => new LoadGenerator("wrk", path),
                _ => new LoadGenerator("the in-repo generator", null),
            };
        }

        /// <summary>
        /// The load of <paramref name="connections"/> connections over <paramref name="targets"/>. With <paramref name="spread"/>,
        /// the in-repo generator starts each connection at its own share of the targets; wrk's one thread sends them in turn.
        /// Either way the connections' requests follow the list, not each other.
        /// </summary>
        public Task<LoadReport> RunAsync(
            Uri address, IReadOnlyList<string> targets, int connections, TimeSpan duration, CancellationToken cancellationToken, bool spread = false) =>
            Wrk is null
                ? HttpLoadGenerator.RunAsync(address, targets, connections, duration, cancellationToken, spread)
                : WrkLoadGenerator.RunAsync(Wrk, address, targets, connections, duration, cancellationToken);
    }
}
