using System.Globalization;
using Search.Querying;

namespace Search.Cli.Bench;

/// <summary>The bench's HTTP rows: <c>news-search serve</c> in a child process (rate limiting off), loaded from <see cref="LoadGenerator"/>.</summary>
internal sealed class HttpRows(LoadGenerator load, IReadOnlyList<int> concurrencies, TimeSpan duration, Action<string> say)
{
    /// <summary>/search (short, then headline-length queries) and /suggest against a server with the result cache off.</summary>
    public async Task<(IReadOnlyList<LoadReport> Search, IReadOnlyList<LoadReport> Headlines, IReadOnlyList<LoadReport> Suggest, long Resident)> UncachedAsync(
        string indexRoot, IReadOnlyList<string> searchUrls, IReadOnlyList<string> headlineUrls, IReadOnlyList<string> suggestUrls, CancellationToken cancellationToken)
    {
        say($"HTTP: news-search serve with the result cache off (child process), load from {load.Name}");
        var search = new List<LoadReport>();
        var headlines = new List<LoadReport>();
        var suggest = new List<LoadReport>();
        using var server = StartServer(indexRoot, cacheEntries: 0);
        var (address, probe) = await ReadyAsync(server, cancellationToken);
        using (probe)
        {
            await load.RunAsync(address, [.. searchUrls, .. headlineUrls, .. suggestUrls], concurrencies.Max(), TimeSpan.FromSeconds(5), cancellationToken);
            foreach (var (rows, urls, what) in new[] { (search, searchUrls, "/search"), (headlines, headlineUrls, "/search, headline-length queries") })
            {
                foreach (var connections in concurrencies)
                {
                    say($"HTTP {what}: {connections} connections for {duration.TotalSeconds:F0} s");
                    rows.Add(await WithCacheActivityAsync(probe, () => load.RunAsync(address, urls, connections, duration, cancellationToken), cancellationToken));
                }
            }

            foreach (var connections in concurrencies)
            {
                say($"HTTP /suggest: {connections} connections for {duration.TotalSeconds:F0} s");
                suggest.Add(await load.RunAsync(address, suggestUrls, connections, duration, cancellationToken));
            }
        }

        return (search, headlines, suggest, server.Resident);
    }

    /// <summary>/search against a second server with the default result cache, the short queries repeated by a Zipf law.</summary>
    public async Task<(IReadOnlyList<LoadReport> Rows, long Resident)> RepeatedAsync(string indexRoot, IReadOnlyList<string> searchUrls, CancellationToken cancellationToken)
    {
        say($"HTTP: news-search serve with the default result cache, queries repeated by a Zipf law (s = {BenchRunner.ZipfExponent})");
        var rows = new List<LoadReport>();
        using var server = StartServer(indexRoot, NewsSearcherOptions.DefaultResultCacheEntries);
        var (address, probe) = await ReadyAsync(server, cancellationToken);
        using (probe)
        {
            // Each run draws its own targets (seeded), and each connection starts at its own share of them: the cache sees
            // the law's repeats, not a replay of the warm-up's sequence or of another connection's. More targets than a
            // run sends even at 20,000 requests/s, so no connection reaches the next one's share. The warm-up leaves the
            // cache as a server that has been running a while has it.
            var count = (int)Math.Clamp(duration.TotalSeconds * 20_000, 200_000, 2_000_000);
            await load.RunAsync(address, QueryWorkload.Zipf(searchUrls, count, seed: 2028, BenchRunner.ZipfExponent),
                concurrencies.Max(), TimeSpan.FromSeconds(5), cancellationToken, spread: true);
            for (var run = 0; run < concurrencies.Count; run++)
            {
                var connections = concurrencies[run];
                var targets = QueryWorkload.Zipf(searchUrls, count, seed: 2029 + run, BenchRunner.ZipfExponent);
                say($"HTTP /search, repeated queries, result cache on: {connections} connections for {duration.TotalSeconds:F0} s");
                rows.Add(await WithCacheActivityAsync(probe,
                    () => load.RunAsync(address, targets, connections, duration, cancellationToken, spread: true), cancellationToken));
            }
        }

        return (rows, server.Resident);
    }

    // `serve` reads its configuration from the environment like the API: the cache is set explicitly either way, so an
    // operator's Search__ResultCache__Entries cannot change what a row measures.
    private static ChildProcess StartServer(string indexRoot, int cacheEntries) => ChildProcess.Start(
        ["serve", "--index", indexRoot, "--urls", "http://127.0.0.1:0"],
        new Dictionary<string, string>
        {
            ["Search__RateLimit__PermitsPerSecond"] = "0",
            [BenchRunner.CacheEntriesVariable] = cacheEntries.ToString(CultureInfo.InvariantCulture),
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
}
