using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Search.Core.Storage;
using Search.Indexing;
using Search.Indexing.Corpus;
using Search.Querying;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// <c>bench-searchbox</c>: in-process latency of what a search box calls, <c>/suggest</c> and <c>/search</c> with facets
/// and highlighting, on a corpus (#4). Meant to be folded into a broader <c>bench</c> verb as one suite.
/// </summary>
/// <remarks>
/// Builds the index when the root has none of this schema version (or with <c>--rebuild</c>), then samples titles of the
/// corpus deterministically (every n-th record, a seeded <see cref="Random"/>): search queries are a title's first one to
/// three words (every fourth filtered by its category, every eighth also by its month), suggestion inputs are prefixes of
/// a title's first or first two words. Runs a warm-up round, then measures each call with a <see cref="Stopwatch"/> and
/// prints p50, p90, p99 and max. Calls go straight to <see cref="NewsSearcher"/>, as the endpoints do, without HTTP.
/// </remarks>
internal static class SearchBoxBenchCommand
{
    public static Command Create(CliConsole console)
    {
        var corpus = new Option<string>("--corpus")
        {
            Description = "Corpus to index and sample titles from (.jsonl or .jsonl.gz)",
            DefaultValueFactory = _ => "../shared/corpus/news-full.jsonl.gz",
            HelpName = "path",
        };
        var index = new Option<string>("--index")
        {
            Description = "Index root to use; built from the corpus when it holds no index of this schema version",
            DefaultValueFactory = _ => "index-data/bench-searchbox",
            HelpName = "dir",
        };
        var rebuild = new Option<bool>("--rebuild") { Description = "Rebuild the index even when one is there" };
        var queries = new Option<int>("--queries") { Description = "Sampled search queries and suggestion prefixes (each)", DefaultValueFactory = _ => 500, HelpName = "n" };
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds over the samples", DefaultValueFactory = _ => 3, HelpName = "n" };
        var seed = new Option<int>("--seed") { Description = "Seed of the sampling", DefaultValueFactory = _ => 42, HelpName = "n" };
        var variants = CommonOptions.Variants();
        var json = CommonOptions.Json();
        var command = new Command("bench-searchbox", "Measure /suggest and /search (facets, highlighting) latency in-process on a corpus")
        {
            corpus, index, rebuild, queries, rounds, seed, variants, json,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetRequiredValue(corpus),
            parse.GetRequiredValue(index),
            parse.GetValue(rebuild),
            Math.Max(1, parse.GetValue(queries)),
            Math.Max(1, parse.GetValue(rounds)),
            parse.GetValue(seed),
            parse.GetRequiredValue(variants),
            parse.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string corpus, string indexPath, bool rebuild, int count, int rounds, int seed, string variantsPath, bool json)
    {
        if (!File.Exists(corpus))
        {
            console.Error.WriteLine($"No corpus at {corpus}.");
            return ExitCodes.Usage;
        }

        double? indexSeconds = null;
        if (rebuild || !IsUsable(indexPath))
        {
            console.Error.WriteLine($"Indexing {corpus} into {indexPath}…");
            var report = new IndexingService().Reindex(new IndexLayout(indexPath), [corpus], new IndexingOptions(), CancellationToken.None);
            indexSeconds = report.Elapsed.TotalSeconds;
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Indexed {report.Indexed:N0} articles in {indexSeconds:F1} s."));
        }

        // Name variants as the API serves them (#18), so their cost is in the figures.
        using var searcher = IndexOpener.TryOpen(indexPath, console, variantsPath: variantsPath);
        if (searcher is null)
        {
            return ExitCodes.IndexFailure;
        }

        var (searches, prefixes) = Sample(corpus, count, seed);
        if (searches.Count == 0)
        {
            console.Error.WriteLine($"No titles in {corpus} to sample from.");
            return ExitCodes.Usage;
        }

        // The first suggestion builds the dictionary of this index generation: timed apart, as the one-off cost it is.
        var build = Stopwatch.StartNew();
        searcher.Suggest("ا");
        build.Stop();

        // Warm-up: JIT, caches, the recency reference; not measured.
        foreach (var request in searches)
        {
            searcher.Search(request);
        }

        foreach (var prefix in prefixes)
        {
            searcher.Suggest(prefix);
        }

        var suggestTimes = new List<double>();
        var searchTimes = new List<double>();
        var plainTimes = new List<double>();
        var queryTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var prefix in prefixes)
            {
                var started = Stopwatch.GetTimestamp();
                searcher.Suggest(prefix);
                suggestTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            // Interleaved per query, so the noise of a shared machine falls on all three alike.
            foreach (var request in searches)
            {
                var started = Stopwatch.GetTimestamp();
                searcher.Search(request);
                searchTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                // The same search without corrections (did-you-mean, the correction's results, typo retry): what they cost.
                started = Stopwatch.GetTimestamp();
                searcher.Search(request with { Correct = false });
                plainTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                // The parsed query alone, counted: the floor that ranking sets (no facets, hits, highlighting, filters).
                started = Stopwatch.GetTimestamp();
                var parsed = searcher.Parser.Parse(request.Query);
                using (var lease = searcher.Acquire())
                {
                    lease.Searcher.Search(parsed.Query, new Lucene.Net.Search.TotalHitCountCollector());
                }

                queryTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var rows = new[]
        {
            Summarize("/suggest", suggestTimes),
            Summarize("/search (facets, highlighting)", searchTimes),
            Summarize("/search without did-you-mean", plainTimes),
            Summarize("query alone (count only)", queryTimes),
        };
        if (json)
        {
            CliJson.Write(console.Out, new
            {
                corpus,
                index = searcher.Status.Generation,
                documents = searcher.Status.DocumentCount,
                indexSeconds,
                suggestionBuildMs = Math.Round(build.Elapsed.TotalMilliseconds, 1),
                results = rows,
            });
            return ExitCodes.Ok;
        }

        var table = new Table()
            .Caption(string.Create(CultureInfo.InvariantCulture,
                $"{searcher.Status.DocumentCount:N0} articles; {rounds} rounds; first suggestion (dictionary build) {build.Elapsed.TotalMilliseconds:F0} ms"))
            .AddColumns("call", "calls", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms");
        foreach (var row in rows)
        {
            table.AddRow(row.Call, F(row.Calls), F(row.P50), F(row.P90), F(row.P99), F(row.Max), F(row.Mean));
        }

        console.Tables.Write(table);
        return ExitCodes.Ok;
    }

    private static bool IsUsable(string indexPath)
    {
        using var searcher = new NewsSearcher(new NewsSearcherOptions(indexPath, RefreshInterval: Timeout.InfiniteTimeSpan));
        return searcher.Status.IsReady;
    }

    private static (List<SearchRequest> Searches, List<string> Prefixes) Sample(string corpus, int count, int seed)
    {
        var titled = new List<(string Title, string? Category, DateTimeOffset? Date)>();
        if (CorpusFiles.CreateReader(corpus) is not { } reader)
        {
            return ([], []);
        }

        foreach (var item in reader.Read())
        {
            if (item is CorpusRecord { Article: { Title: { Length: > 0 } title } article })
            {
                titled.Add((title, article.Category, article.PublishedAt));
            }
        }

        var random = new Random(seed);
        var searches = new List<SearchRequest>(count);
        var prefixes = new List<string>(count);
        if (titled.Count == 0)
        {
            return (searches, prefixes);
        }

        var step = Math.Max(1, titled.Count / count);
        for (var i = 0; i < count; i++)
        {
            var (title, category, date) = titled[(i * step + random.Next(step)) % titled.Count];
            var words = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var take = Math.Min(words.Length, 1 + random.Next(3));
            var request = new SearchRequest(string.Join(' ', words.Take(take)));
            if (i % 4 == 0 && category is not null)
            {
                request = request with { Categories = [category] };
                if (i % 8 == 0 && date is { } at)
                {
                    request = request with { Months = [at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)] };
                }
            }

            searches.Add(request);

            var first = words[0];
            var prefix = first[..Math.Max(1, Math.Min(first.Length, 2 + random.Next(Math.Max(1, first.Length - 1))))];
            prefixes.Add(words.Length > 1 && i % 3 == 0
                ? first + " " + words[1][..Math.Max(1, Math.Min(words[1].Length, 1 + random.Next(words[1].Length)))]
                : prefix);
        }

        return (searches, prefixes);
    }

    private static Row Summarize(string call, List<double> times)
    {
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return new Row(call, times.Count, Round(At(0.5)), Round(At(0.9)), Round(At(0.99)), Round(times[^1]), Round(times.Average()));
    }

    private static double Round(double value) => Math.Round(value, 3);

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record Row(string Call, int Calls, double P50, double P90, double P99, double Max, double Mean);
}
