using System.Diagnostics;
using System.Text.Json;
using Search.Core.Storage;
using Search.Querying;

namespace Search.Cli.Bench;

/// <summary>
/// One bench run: indexing against a single-threaded stock reference and the analysis-only ceiling, in-process search
/// against the stock reference search of the same queries, and HTTP throughput and latency at several concurrencies.
/// </summary>
/// <remarks>
/// Search itself is measured with the result cache off: in process, and over HTTP against a server started with
/// <c>Search__ResultCache__Entries=0</c>, each query of a workload in turn (the short search-box queries, then whole
/// headlines). A second server, with the default cache, is then loaded with the short queries repeated as a search
/// box sees them (a seeded Zipf law over the distinct queries): those rows measure what the cache gives.
/// </remarks>
internal sealed class BenchRunner(CliConsole console, LoadGenerator load, string workDir)
{
    /// <summary>The exponent of the Zipf law of the repeated-query rows.</summary>
    public const double ZipfExponent = 1.0;

    /// <summary>The configuration variable that sizes the server's result cache.</summary>
    public const string CacheEntriesVariable = "Search__ResultCache__Entries";

    private const int WarmUp = 200;

    public async Task<BenchResults> RunAsync(string corpusPath, int scale, int queryCount, IReadOnlyList<int> concurrencies, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        Say($"reading {corpusPath} (x{scale})");
        var corpus = BenchCorpus.Load(corpusPath, scale, workDir);
        var indexRoot = Path.Combine(workDir, "index");
        var ours = await IndexOursAsync(corpus, indexRoot, cancellationToken);

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
            corpus.InputBytes / 1_048_576.0 / referenceSeconds, 0, FolderSize(referencePath), referenceContents.Tokens, referenceContents.Segments);

        var workload = QueryWorkload.Create(corpus.Articles, queryCount + WarmUp);
        var headlines = QueryWorkload.Headlines(corpus.Articles, queryCount + WarmUp);
        Say($"in-process search: {queryCount} short and {queryCount} headline-length queries after {WarmUp} of warm-up each, then the stock reference search of both");
        var inProcess = InProcessSearch.Measure(indexRoot, workload, WarmUp);
        var inProcessHeadlines = InProcessSearch.Measure(indexRoot, headlines, WarmUp);
        LatencyStats stockShort, stockHeadlines;
        using (var stock = new StockSearch(referencePath))
        {
            stockShort = stock.Measure(workload, WarmUp);
            stockHeadlines = stock.Measure(headlines, WarmUp);
        }

        TryDelete(referencePath);
        var searchUrls = QueryWorkload.AsUrls(workload);
        var results = new BenchResults(corpusPath, scale, corpus.Articles.Count, corpus.InputBytes, Environment.ProcessorCount,
            reference, ours, ceiling, inProcess, [], [], 0)
        {
            InProcessHeadlines = inProcessHeadlines,
            StockShort = stockShort,
            StockHeadlines = stockHeadlines,
            DistinctQueries = searchUrls.Distinct(StringComparer.Ordinal).Count(),
            ZipfExponent = ZipfExponent,
        };
        if (concurrencies.Count == 0)
        {
            return results;
        }

        var http = new HttpRows(load, concurrencies, duration, Say);
        var uncached = await http.UncachedAsync(indexRoot, searchUrls, QueryWorkload.AsUrls(headlines),
            QueryWorkload.SuggestUrls(corpus.Articles, 2000), cancellationToken);
        var repeated = await http.RepeatedAsync(indexRoot, searchUrls, cancellationToken);
        return results with
        {
            Http = uncached.Search,
            Suggest = uncached.Suggest,
            ApiResident = uncached.Resident,
            HttpHeadlines = uncached.Headlines,
            HttpRepeated = repeated.Rows,
            ApiResidentCached = repeated.Resident,
            LoadGenerator = load.Name,
        };
    }

    private async Task<IndexRun> IndexOursAsync(BenchCorpus corpus, string indexRoot, CancellationToken cancellationToken)
    {
        Say("indexing with news-search index (child process)");
        using var child = ChildProcess.Start(["index", .. corpus.Files, "--index", indexRoot, "--json", "--commit-every", "0"]);
        var summary = JsonDocument.Parse(await child.OutputAsync(cancellationToken)).RootElement;
        var seconds = summary.GetProperty("elapsedSeconds").GetDouble();
        var documents = summary.GetProperty("indexed").GetInt64() + summary.GetProperty("replaced").GetInt64();
        var generation = new IndexLayout(indexRoot).TryGetCurrent()!;
        var contents = IndexContents.Read(generation);
        return new IndexRun(documents, seconds, documents / seconds, corpus.InputBytes / 1_048_576.0 / seconds, child.PeakResident,
            FolderSize(generation), contents.Tokens, contents.Segments);
    }

    private void Say(string step) => console.Error.WriteLine($"bench: {step}");

    private static long FolderSize(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    /// <summary>Removes a folder the bench made; a folder left behind is not a failed benchmark.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
