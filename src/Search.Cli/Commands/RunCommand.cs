using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Search.Evaluation.Runs;
using Search.Evaluation.Topics;
using Search.Querying;

namespace Search.Cli.Commands;

/// <summary><c>run --queries topics.tsv --output x.run</c>: every topic through <see cref="NewsSearcher.Search(SearchRequest)"/> (the path of <c>GET /search</c>), written as a TREC run.</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var queries = new Option<string>("--queries") { Description = "Topics file: qid<TAB>text per line", Required = true, HelpName = "tsv" };
        var output = new Option<string>("--output") { Description = "Run file to write (qid Q0 docid rank score tag)", Required = true, HelpName = "run" };
        var config = CommonOptions.Config();
        var index = CommonOptions.Index();
        var depth = new Option<int>("--depth") { Description = "Documents per query (1 to 10000)", DefaultValueFactory = _ => 1000, HelpName = "n" };
        var tag = new Option<string?>("--tag") { Description = "Run tag (last column); default: the configuration's name", HelpName = "name" };
        var collapse = new Option<bool>("--collapse")
        {
            Description = "One hit per story, as /search shows by default. Off by default: the qrels judge articles, copies included",
        };
        var command = new Command("run", "Search every topic through the same path as /search and write a TREC run")
        {
            queries, output, config, index, depth, tag, collapse,
        };
        command.SetAction(parse =>
        {
            var limit = parse.GetValue(depth);
            if (limit is < 1 or > SearchLimits.MaxResultWindow)
            {
                console.Error.WriteLine($"--depth must be between 1 and {SearchLimits.MaxResultWindow}.");
                return ExitCodes.Usage;
            }

            var topicsPath = parse.GetRequiredValue(queries);
            if (!File.Exists(topicsPath))
            {
                console.Error.WriteLine($"{topicsPath}: no such file.");
                return ExitCodes.Usage;
            }

            var topics = TopicReader.Read(topicsPath);
            foreach (var error in topics.Errors)
            {
                console.Error.WriteLine(error.ToString());
            }

            var weights = RankingConfigs.TryLoad(parse.GetRequiredValue(config), console);
            if (weights is null)
            {
                return ExitCodes.Usage;
            }

            using var searcher = IndexOpener.TryOpen(parse.GetRequiredValue(index), console, weights);
            if (searcher is null)
            {
                return ExitCodes.IndexFailure;
            }

            var clock = Stopwatch.StartNew();
            var outputPath = parse.GetRequiredValue(output);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
            var written = RunTopics(searcher, topics.Value, limit, outputPath, parse.GetValue(tag) ?? weights.Name, console,
                parse.GetValue(collapse));
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{topics.Value.Count} queries, {written} lines, {clock.Elapsed.TotalSeconds:F1} s -> {outputPath}"));
            return topics.Errors.Count > 0 ? ExitCodes.Skipped : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes the run of <paramref name="topics"/>; returns the number of lines written.</summary>
    /// <remarks>
    /// Every article is ranked unless <paramref name="collapse"/> (#21): relevance sets judge articles, and news-headlines
    /// judges a headline's exact copies relevant too, so a run that folded them away would lose recall it earned.
    /// </remarks>
    public static int RunTopics(
        NewsSearcher searcher, IReadOnlyList<Topic> topics, int depth, string outputPath, string tag, CliConsole console, bool collapse = false)
    {
        using var writer = new StreamWriter(outputPath, append: false, new System.Text.UTF8Encoding(false));
        var runWriter = new TrecRunWriter(writer, tag);
        var lines = 0;
        foreach (var topic in topics)
        {
            var ranked = new List<(string, double)>();
            try
            {
                // Pages of the largest size, as a client would fetch them; corrections off: the ranking is what is measured.
                for (var page = 1; ranked.Count < depth; page++)
                {
                    var size = Math.Min(SearchLimits.MaxPageSize, depth);
                    var result = searcher.Search(new SearchRequest(topic.Text, page, size) { Correct = false, Collapse = collapse });
                    ranked.AddRange(result.Hits.Select(h => (h.Id, (double)h.Score)));
                    if (result.Hits.Count < size || page * size >= result.Total)
                    {
                        break;
                    }
                }
            }
            catch (QuerySyntaxException e)
            {
                console.Error.WriteLine($"query {topic.Id}: {e.Message}");
            }

            var kept = ranked.Take(depth).ToList();
            runWriter.WriteQuery(topic.Id, kept);
            lines += kept.Count;
        }

        return lines;
    }
}
