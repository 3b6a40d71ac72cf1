using System.CommandLine;
using System.Globalization;
using Search.Cli.Bench;

namespace Search.Cli.Commands;

/// <summary>
/// <c>bench</c>: indexing, in-process search and HTTP figures, each beside a reference measured in the same run, as one
/// table (see <see cref="BenchRunner"/>).
/// </summary>
internal static class BenchCommand
{
    public const string DefaultCorpus = "../shared/corpus/news-full.jsonl.gz";

    public static Command Create(CliConsole console)
    {
        var corpus = new Option<string>("--corpus") { Description = "Corpus file or folder", DefaultValueFactory = _ => DefaultCorpus, HelpName = "path" };
        var scale = new Option<int>("--scale") { Description = "Replicate the corpus this many times with new ids", DefaultValueFactory = _ => 1, HelpName = "n" };
        var queries = new Option<int>("--queries") { Description = "In-process queries to time per workload (after 200 of warm-up)", DefaultValueFactory = _ => 2000, HelpName = "n" };
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
                var results = await new BenchRunner(console, generator, workDir).RunAsync(parse.GetRequiredValue(corpus), parse.GetValue(scale),
                    parse.GetValue(queries), concurrencies, TimeSpan.FromSeconds(parse.GetValue(duration)), cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(console.Out, results);
                }
                else
                {
                    console.Tables.Write(BenchTable.Render(results));
                }

                return ExitCodes.Ok;
            }
            finally
            {
                if (parse.GetValue(work) is null)
                {
                    BenchRunner.TryDelete(workDir);
                }
            }
        });
        return command;
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
}
