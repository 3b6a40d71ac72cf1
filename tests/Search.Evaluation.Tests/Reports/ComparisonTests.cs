using System.Text.Json;
using Search.Evaluation.Metrics;
using Search.Evaluation.Qrels;
using Search.Evaluation.Reports;
using Search.Evaluation.Runs;

namespace Search.Evaluation.Tests.Reports;

public sealed class ComparisonTests
{
    private static readonly Metric Mrr = new(MetricKind.Mrr, 10);

    [Fact]
    public void RandomizationTestOnAConsistentWinIsSignificant()
    {
        // Ten queries all improved by 1: only the two all-same-sign assignments reach |sum| = 10, so the exact
        // p-value is 2 / 2^10 = 0.00195; the Monte Carlo estimate with 10,000 trials lands close to it.
        var p = PairedRandomizationTest.PValue(Enumerable.Repeat(1.0, 10).ToList());

        Assert.InRange(p, 0.0005, 0.005);
    }

    [Fact]
    public void RandomizationTestOnNoDifferenceIsOne()
    {
        // All differences 0: every assignment ties the observed 0, p = (10000 + 1) / (10000 + 1) = 1.
        Assert.Equal(1.0, PairedRandomizationTest.PValue([0.0, 0.0, 0.0]));

        // +1 and -1: observed mean 0, again every assignment is at least as extreme.
        Assert.Equal(1.0, PairedRandomizationTest.PValue([1.0, -1.0]));
    }

    [Fact]
    public void RandomizationTestIsReproducible()
    {
        double[] differences = [0.5, -0.1, 0.2, 0.0, 0.3, -0.2, 0.4];

        Assert.Equal(PairedRandomizationTest.PValue(differences), PairedRandomizationTest.PValue(differences));
    }

    [Fact]
    public void CountsWinsTiesLossesAndListsMovers()
    {
        // Baseline finds d1 at rank 1 for q1 (1.0), rank 2 for q2 (0.5), rank 1 for q3 (1.0).
        // Other: q1 rank 1 (1.0, tie), q2 rank 1 (1.0, win +0.5), q3 rank 4 (0.25, loss -0.75).
        var qrels = new QrelSet([new Qrel("q1", "d1", 1), new Qrel("q2", "d1", 1), new Qrel("q3", "d1", 1)]);
        var baseline = Evaluate("base", ("q1", ["d1"]), ("q2", ["x", "d1"]), ("q3", ["d1"]));
        var other = Evaluate("other", ("q1", ["d1"]), ("q2", ["d1"]), ("q3", ["x", "y", "z", "d1"]));

        var comparison = RunComparison.Compare(RunEvaluator.Evaluate(baseline, qrels, [Mrr]), RunEvaluator.Evaluate(other, qrels, [Mrr]), Mrr);

        // Means: baseline (1 + 0.5 + 1) / 3 = 0.8333; other (1 + 1 + 0.25) / 3 = 0.75.
        Assert.Equal((1, 1, 1), (comparison.Wins, comparison.Ties, comparison.Losses));
        Assert.Equal(2.5 / 3, comparison.BaselineMean, 10);
        Assert.Equal(2.25 / 3, comparison.OtherMean, 10);
        Assert.Equal(0.75 / 0.8333333333 - 1, comparison.RelativeChange!.Value, 6);
        Assert.Equal(["q2"], comparison.MostImproved.Select(d => d.QueryId));
        Assert.Equal(["q3"], comparison.MostHurt.Select(d => d.QueryId));
    }

    [Theory]
    [InlineData(ReportFormat.Table, "run")]
    [InlineData(ReportFormat.Markdown, "| run")]
    [InlineData(ReportFormat.Csv, "run,query,metric,value")]
    public void WritesEveryFormat(ReportFormat format, string start)
    {
        var report = TwoRunReport();
        var writer = new StringWriter();

        ReportWriter.Write(writer, report, format, perQuery: true);

        Assert.StartsWith(start, writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("q2", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WritesJsonWithMeansAndComparisons()
    {
        var writer = new StringWriter();

        ReportWriter.Write(writer, TwoRunReport(), ReportFormat.Json, perQuery: false);

        using var json = JsonDocument.Parse(writer.ToString());
        Assert.Equal(0.75, json.RootElement.GetProperty("runs")[0].GetProperty("means").GetProperty("mrr@10").GetDouble(), 6);
        var comparison = json.RootElement.GetProperty("comparisons")[0];
        Assert.Equal("other", comparison.GetProperty("run").GetString());
        Assert.Equal(1, comparison.GetProperty("wins").GetInt32());
    }

    private static EvaluationReport TwoRunReport()
    {
        // base: q1 RR 1, q2 RR 0.5 -> 0.75; other: q1 1, q2 1 -> 1.
        var qrels = new QrelSet([new Qrel("q1", "d1", 1), new Qrel("q2", "d2", 1)]);
        var a = RunEvaluator.Evaluate(Evaluate("base", ("q1", ["d1"]), ("q2", ["x", "d2"])), qrels, [Mrr]);
        var b = RunEvaluator.Evaluate(Evaluate("other", ("q1", ["d1"]), ("q2", ["d2"])), qrels, [Mrr]);
        return EvaluationReport.Create([a, b], [Mrr]);
    }

    private static Run Evaluate(string name, params (string Query, string[] Docs)[] lists) =>
        new(name, lists.SelectMany(l => l.Docs.Select((d, i) => new RunEntry(l.Query, d, i + 1, 100 - i, name))));
}
