using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Search.Core.Storage;
using Search.Evaluation.Metrics;
using Search.Evaluation.Qrels;
using Search.Evaluation.Reports;
using Search.Evaluation.Runs;
using Search.Evaluation.Topics;
using Search.Indexing;
using Search.Indexing.Corpus;
using Search.Querying;

namespace Search.Cli.Commands;

/// <summary>
/// <c>relevance</c>: the reproducible relevance table. For every judged set under <c>--sets</c>, builds the index each
/// configuration's analysis profile needs (once, under <c>--work</c>), runs the topics with every configuration through
/// <c>run</c>'s path, scores the runs and prints one table: nDCG@10, MAP, MRR@10, R@100 per set and configuration, with
/// the change of each configuration against the first.
/// </summary>
internal static class RelevanceCommand
{
    private static readonly IReadOnlyList<Metric> TableMetrics =
        [new(MetricKind.Ndcg, 10), new(MetricKind.Map, null), new(MetricKind.Mrr, 10), new(MetricKind.Recall, 100)];

    public static Command Create(CliConsole console)
    {
        var sets = new Option<string>("--sets")
        {
            Description = "Folder of judged sets: one subfolder each with docs.jsonl[.gz], queries.*.tsv and qrels.*.txt",
            DefaultValueFactory = _ => "../shared/relevance",
            HelpName = "dir",
        };
        var configs = new Option<string>("--configs")
        {
            Description = "Comma-separated ranking configurations (names or JSON paths); the first is the baseline",
            DefaultValueFactory = _ => "stock,default",
            HelpName = "list",
        };
        var work = new Option<string>("--work")
        {
            Description = "Where indexes and runs are kept (git-ignored)",
            DefaultValueFactory = _ => "index-data/relevance",
            HelpName = "dir",
        };
        var depth = new Option<int>("--depth") { Description = "Documents per query in the runs", DefaultValueFactory = _ => 100, HelpName = "n" };
        var rebuild = new Option<bool>("--rebuild") { Description = "Rebuild the indexes even when usable ones exist" };
        var format = new Option<string>("--format") { Description = "markdown or table", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "table");
        var command = new Command("relevance", "Build, run and score every judged set with each configuration; print one table")
        {
            sets, configs, work, depth, rebuild, format,
        };
        command.SetAction((parse, cancellationToken) => Execute(
            console, parse.GetRequiredValue(sets), parse.GetRequiredValue(configs), parse.GetRequiredValue(work),
            parse.GetValue(depth), parse.GetValue(rebuild), parse.GetRequiredValue(format) == "markdown", cancellationToken));
        return command;
    }

    private static Task<int> Execute(
        CliConsole console, string setsRoot, string configList, string workRoot, int depth, bool rebuild, bool markdown, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(setsRoot))
        {
            console.Error.WriteLine($"{setsRoot}: no such folder.");
            return Task.FromResult(ExitCodes.Usage);
        }

        var weights = new List<RankingWeights>();
        foreach (var name in configList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (RankingConfigs.TryLoad(name, console) is not { } loaded)
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            weights.Add(loaded);
        }

        var rows = new List<List<string>>();
        foreach (var set in Directory.GetDirectories(setsRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(set);
            var docs = Directory.GetFiles(set, "docs.jsonl*").FirstOrDefault();
            var topicsPath = Directory.GetFiles(set, "queries*.tsv").FirstOrDefault();
            var qrelsPath = Directory.GetFiles(set, "qrels*.txt").FirstOrDefault();
            if (docs is null || topicsPath is null || qrelsPath is null)
            {
                console.Error.WriteLine($"{set}: skipped (needs docs.jsonl[.gz], queries*.tsv and qrels*.txt).");
                continue;
            }

            var topics = TopicReader.Read(topicsPath);
            var qrels = QrelsReader.Read(qrelsPath);
            foreach (var error in topics.Errors.Concat(qrels.Errors))
            {
                console.Error.WriteLine(error.ToString());
            }

            var evaluations = new List<RunEvaluation>();
            foreach (var config in weights)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var indexPath = Path.Combine(workRoot, name, config.Analysis);
                if (!EnsureIndex(console, indexPath, docs, config, rebuild, cancellationToken))
                {
                    return Task.FromResult(ExitCodes.IndexFailure);
                }

                using var searcher = IndexOpener.TryOpen(indexPath, console, config);
                if (searcher is null)
                {
                    return Task.FromResult(ExitCodes.IndexFailure);
                }

                var runPath = Path.Combine(workRoot, "runs", $"{name}.{config.Name}.run");
                Directory.CreateDirectory(Path.GetDirectoryName(runPath)!);
                var clock = Stopwatch.StartNew();
                RunCommand.RunTopics(searcher, topics.Value, depth, runPath, config.Name, console);
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {config.Name} ran {topics.Value.Count} queries in {clock.Elapsed.TotalSeconds:F1} s -> {runPath}"));
                evaluations.Add(RunEvaluator.Evaluate(TrecRunReader.Read(runPath).Value, qrels.Value, TableMetrics));
            }

            var report = EvaluationReport.Create(evaluations, TableMetrics);
            foreach (var evaluation in evaluations)
            {
                var row = new List<string> { name, evaluation.RunName, evaluation.QueryIds.Count.ToString(CultureInfo.InvariantCulture) };
                foreach (var metric in TableMetrics)
                {
                    var value = evaluation.Mean(metric).ToString("F3", CultureInfo.InvariantCulture);
                    var comparison = report.Comparisons.FirstOrDefault(c => c.Other == evaluation.RunName && c.Metric == metric);
                    row.Add(comparison is null ? value : $"{value} ({Relative(comparison)})");
                }

                rows.Add(row);
            }
        }

        TextTable.Write(console.Out, ["set", "config", "queries", "nDCG@10", "MAP", "MRR@10", "R@100"], rows, markdown);
        return Task.FromResult(ExitCodes.Ok);
    }

    private static string Relative(RunComparison c)
    {
        var relative = c.RelativeChange is { } r
            ? (r >= 0 ? "+" : string.Empty) + (r * 100).ToString("F1", CultureInfo.InvariantCulture) + "%"
            : "n/a";
        var p = c.PValue.ToString(c.PValue < 0.001 ? "E0" : "F3", CultureInfo.InvariantCulture);
        return $"{relative}, p={p}";
    }

    // Reuses an index that the configuration can read; otherwise builds one with the configuration's profile.
    private static bool EnsureIndex(CliConsole console, string indexPath, string docs, RankingWeights config, bool rebuild, CancellationToken cancellationToken)
    {
        if (!rebuild)
        {
            using var probe = new NewsSearcher(new NewsSearcherOptions(indexPath, Timeout.InfiniteTimeSpan, config));
            if (probe.Status.IsReady)
            {
                return true;
            }
        }

        console.Error.WriteLine($"Building {indexPath} ({config.Analysis} analysis) from {docs}...");
        var clock = Stopwatch.StartNew();
        var report = new IndexingService().Reindex(
            new IndexLayout(indexPath),
            [docs],
            new IndexingOptions { Analysis = config.Profile, OnError = error => console.Error.WriteLine(error.ToString()) },
            cancellationToken);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {report.Indexed:N0} documents in {clock.Elapsed.TotalSeconds:F1} s"));
        return report.Published;
    }
}
