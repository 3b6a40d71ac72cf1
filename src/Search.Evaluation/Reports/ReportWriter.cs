using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Evaluation.Metrics;

namespace Search.Evaluation.Reports;

/// <summary>Writes an <see cref="EvaluationReport"/> as a table, JSON, CSV or Markdown.</summary>
/// <remarks>
/// Every format carries the same facts: per run the mean of each metric; per later run its change against the
/// baseline (absolute, relative, wins/ties/losses, randomization-test p-value) and the queries that moved most on
/// the first metric; with <c>perQuery</c>, every query's value.
/// </remarks>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/>.</summary>
    public static void Write(TextWriter writer, EvaluationReport report, ReportFormat format, bool perQuery)
    {
        switch (format)
        {
            case ReportFormat.Json:
                writer.WriteLine(JsonSerializer.Serialize(ToJson(report, perQuery), JsonOptions));
                break;
            case ReportFormat.Csv:
                WriteCsv(writer, report, perQuery);
                break;
            case ReportFormat.Markdown:
                WriteGrid(writer, report, perQuery, markdown: true);
                break;
            default:
                WriteGrid(writer, report, perQuery, markdown: false);
                break;
        }
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Percent(double? value) =>
        value is { } v ? (v >= 0 ? "+" : string.Empty) + (v * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string P(double value) => value.ToString(value < 0.001 ? "E1" : "F3", CultureInfo.InvariantCulture);

    private static void WriteGrid(TextWriter writer, EvaluationReport report, bool perQuery, bool markdown)
    {
        var header = new List<string> { "run", "queries" };
        header.AddRange(report.Metrics.Select(m => m.Name));
        var rows = new List<List<string>>();
        foreach (var run in report.Runs)
        {
            var row = new List<string> { run.RunName, run.QueryIds.Count.ToString(CultureInfo.InvariantCulture) };
            foreach (var metric in report.Metrics)
            {
                var comparison = report.Comparisons.FirstOrDefault(c => c.Other == run.RunName && c.Metric == metric);
                row.Add(comparison is null
                    ? F(run.Mean(metric))
                    : $"{F(run.Mean(metric))} ({Percent(comparison.RelativeChange)}, p={P(comparison.PValue)})");
            }

            rows.Add(row);
        }

        TextTable.Write(writer, header, rows, markdown);
        foreach (var run in report.Runs.Where(r => r.MissingQueries.Count > 0))
        {
            writer.WriteLine();
            writer.WriteLine($"{run.RunName}: {run.MissingQueries.Count} judged queries have no result in the run (scored 0).");
        }

        if (report.Comparisons.Count > 0)
        {
            writer.WriteLine();
            var comparisonRows = report.Comparisons.Select(c => new List<string>
            {
                $"{c.Other} vs {c.Baseline}", c.Metric.Name, F(c.Delta), Percent(c.RelativeChange),
                $"{c.Wins}/{c.Ties}/{c.Losses}", P(c.PValue),
            }).ToList();
            TextTable.Write(writer, ["comparison", "metric", "delta", "relative", "wins/ties/losses", "p (randomization)"], comparisonRows, markdown);

            foreach (var comparison in report.Comparisons.Where(c => c.Metric == report.Metrics[0]))
            {
                writer.WriteLine();
                writer.WriteLine($"Queries that moved most on {comparison.Metric.Name}, {comparison.Other} vs {comparison.Baseline}:");
                var movers = comparison.MostImproved.Concat(comparison.MostHurt)
                    .Select(d => new List<string> { d.QueryId, F(d.Baseline), F(d.Other), (d.Delta >= 0 ? "+" : string.Empty) + F(d.Delta) })
                    .ToList();
                TextTable.Write(writer, ["query", comparison.Baseline, comparison.Other, "delta"], movers, markdown);
            }
        }

        if (perQuery)
        {
            writer.WriteLine();
            var perQueryHeader = new List<string> { "query" };
            perQueryHeader.AddRange(report.Runs.SelectMany(r => report.Metrics.Select(m => $"{r.RunName} {m.Name}")));
            var perQueryRows = report.Runs[0].QueryIds
                .Select(q => new List<string> { q }.Concat(report.Runs.SelectMany(r => report.Metrics.Select(m => F(r.PerQuery[m.Name].GetValueOrDefault(q))))).ToList())
                .ToList();
            TextTable.Write(writer, perQueryHeader, perQueryRows, markdown);
        }
    }

    private static object ToJson(EvaluationReport report, bool perQuery) => new Dictionary<string, object?>
    {
        ["metrics"] = report.Metrics.Select(m => m.Name).ToList(),
        ["runs"] = report.Runs.Select(run => new Dictionary<string, object?>
        {
            ["name"] = run.RunName,
            ["queries"] = run.QueryIds.Count,
            ["missingQueries"] = run.MissingQueries,
            ["means"] = report.Metrics.ToDictionary(m => m.Name, m => Math.Round(run.Mean(m), 6)),
            ["perQuery"] = perQuery
                ? run.QueryIds.ToDictionary(q => q, q => report.Metrics.ToDictionary(m => m.Name, m => Math.Round(run.Value(m, q), 6)))
                : null,
        }).ToList(),
        ["comparisons"] = report.Comparisons.Select(c => new Dictionary<string, object?>
        {
            ["baseline"] = c.Baseline,
            ["run"] = c.Other,
            ["metric"] = c.Metric.Name,
            ["baselineMean"] = Math.Round(c.BaselineMean, 6),
            ["mean"] = Math.Round(c.OtherMean, 6),
            ["delta"] = Math.Round(c.Delta, 6),
            ["relativeChange"] = c.RelativeChange is { } r ? Math.Round(r, 6) : null,
            ["wins"] = c.Wins,
            ["ties"] = c.Ties,
            ["losses"] = c.Losses,
            ["pValue"] = Math.Round(c.PValue, 6),
            ["mostImproved"] = c.MostImproved.Select(JsonDelta).ToList(),
            ["mostHurt"] = c.MostHurt.Select(JsonDelta).ToList(),
        }).ToList(),
    };

    private static Dictionary<string, object> JsonDelta(QueryDelta d) => new()
    {
        ["query"] = d.QueryId,
        ["baseline"] = Math.Round(d.Baseline, 6),
        ["run"] = Math.Round(d.Other, 6),
        ["delta"] = Math.Round(d.Delta, 6),
    };

    private static void WriteCsv(TextWriter writer, EvaluationReport report, bool perQuery)
    {
        writer.WriteLine("run,query,metric,value,baseline,delta,relative,wins,ties,losses,p");
        foreach (var run in report.Runs)
        {
            foreach (var metric in report.Metrics)
            {
                var c = report.Comparisons.FirstOrDefault(x => x.Other == run.RunName && x.Metric == metric);
                var tail = c is null
                    ? ",,,,,,"
                    : string.Create(CultureInfo.InvariantCulture,
                        $",{c.Baseline},{F(c.Delta)},{(c.RelativeChange is { } r ? F(r) : string.Empty)},{c.Wins},{c.Ties},{c.Losses},{c.PValue:F4}");
                writer.WriteLine($"{Csv(run.RunName)},all,{metric.Name},{F(run.Mean(metric))}{tail}");
            }
        }

        if (!perQuery)
        {
            return;
        }

        foreach (var run in report.Runs)
        {
            foreach (var queryId in run.QueryIds)
            {
                foreach (var metric in report.Metrics)
                {
                    writer.WriteLine($"{Csv(run.RunName)},{Csv(queryId)},{metric.Name},{F(run.Value(metric, queryId))},,,,,,,");
                }
            }
        }
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
