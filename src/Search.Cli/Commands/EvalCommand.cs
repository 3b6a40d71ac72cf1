using System.CommandLine;
using Search.Evaluation.Metrics;
using Search.Evaluation.Qrels;
using Search.Evaluation.Reports;
using Search.Evaluation.Runs;

namespace Search.Cli.Commands;

/// <summary><c>eval --qrels q.txt --run a.run [--run b.run...]</c>: trec_eval-identical metrics; with several runs, a comparison against the first.</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var qrels = new Option<string>("--qrels") { Description = "TREC qrels (qid 0 docid grade)", Required = true, HelpName = "file" };
        var runs = new Option<string[]>("--run")
        {
            Description = "TREC run file; repeat to compare (the first is the baseline)",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
            HelpName = "file",
        };
        var metrics = new Option<string>("--metrics")
        {
            Description = "Comma-separated: ndcg@k, map, map@k, mrr@k, p@k, recall@k",
            DefaultValueFactory = _ => string.Join(',', Metric.Defaults.Select(m => m.Name)),
            HelpName = "list",
        };
        var perQuery = new Option<bool>("--per-query") { Description = "Also print every query's values" };
        var format = new Option<string>("--format") { Description = "table, json, csv or markdown", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "markdown");
        var command = new Command("eval", "Score TREC runs against qrels (trec_eval definitions) and compare them")
        {
            qrels, runs, metrics, perQuery, format,
        };
        command.SetAction(parse =>
        {
            var chosen = Metric.ParseList(parse.GetRequiredValue(metrics), out var metricErrors);
            if (metricErrors.Count > 0 || chosen.Count == 0)
            {
                foreach (var error in metricErrors.DefaultIfEmpty("--metrics: no metric given."))
                {
                    console.Error.WriteLine(error);
                }

                return ExitCodes.Usage;
            }

            var paths = new[] { parse.GetRequiredValue(qrels) }.Concat(parse.GetRequiredValue(runs)).ToList();
            if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
            {
                console.Error.WriteLine($"{missing}: no such file.");
                return ExitCodes.Usage;
            }

            var judged = QrelsReader.Read(paths[0]);
            var badLines = judged.Errors.Count;
            foreach (var error in judged.Errors)
            {
                console.Error.WriteLine(error.ToString());
            }

            var evaluations = new List<RunEvaluation>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in paths.Skip(1))
            {
                var run = TrecRunReader.Read(path);
                badLines += run.Errors.Count;
                foreach (var error in run.Errors)
                {
                    console.Error.WriteLine(error.ToString());
                }

                // Two runs with one tag (two configs' runs often share none) are told apart by file name.
                var value = names.Add(run.Value.Name) ? run.Value : new Run(Path.GetFileName(path), run.Value.All());
                names.Add(value.Name);
                evaluations.Add(RunEvaluator.Evaluate(value, judged.Value, chosen));
            }

            var report = EvaluationReport.Create(evaluations, chosen);
            ReportWriter.Write(console.Out, report, Enum.Parse<ReportFormat>(parse.GetRequiredValue(format), ignoreCase: true), parse.GetValue(perQuery));
            return badLines > 0 ? ExitCodes.Skipped : ExitCodes.Ok;
        });
        return command;
    }
}
