using System.Globalization;
using Search.Evaluation.Metrics;
using Search.Evaluation.Qrels;
using Search.Evaluation.Runs;

namespace Search.Cli.Tests;

/// <summary>run → eval → explain end to end on the project's sample corpus, and the default-vs-stock regression guard (#3).</summary>
public sealed class RelevanceCommandsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Sample => Path.Combine(CliRunner.RepositoryRoot(), "index-data", "sample", "articles.jsonl");

    private static string Topics => CliRunner.TestData("relevance", "sample-topics.tsv");

    private static string Qrels => CliRunner.TestData("relevance", "sample-qrels.txt");

    private async Task<string> BuildIndex(string config)
    {
        var index = Path.Combine(_temp.Path, "index-" + config);
        var result = await CliRunner.RunAsync("reindex", Sample, "--index", index, "--config", config, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        return index;
    }

    private async Task<string> Run(string config, string index)
    {
        var run = Path.Combine(_temp.Path, $"sample.{config}.run");
        var result = await CliRunner.RunAsync("run", "--queries", Topics, "--output", run, "--config", config, "--index", index, "--depth", "20");
        Assert.True(result.ExitCode == 0, result.Error);
        return run;
    }

    [Fact]
    public async Task DefaultConfigurationDoesNotFallBelowStockOnTheSampleJudgments()
    {
        var stockRun = await Run("stock", await BuildIndex("stock"));
        var defaultRun = await Run("default", await BuildIndex("default"));

        var qrels = QrelsReader.Read(Qrels).Value;
        Metric[] metrics = [new(MetricKind.Ndcg, 10), new(MetricKind.Mrr, 10), new(MetricKind.Map, null)];
        var stock = RunEvaluator.Evaluate(TrecRunReader.Read(stockRun).Value, qrels, metrics);
        var shipped = RunEvaluator.Evaluate(TrecRunReader.Read(defaultRun).Value, qrels, metrics);

        Assert.Equal(20, shipped.QueryIds.Count);
        foreach (var metric in metrics)
        {
            Assert.True(
                shipped.Mean(metric) >= stock.Mean(metric) - 1e-9,
                string.Create(CultureInfo.InvariantCulture, $"{metric.Name}: default {shipped.Mean(metric):F4} < stock {stock.Mean(metric):F4}"));
        }
    }

    [Fact]
    public async Task EvalComparesRunsInEveryFormat()
    {
        var index = await BuildIndex("default");
        var run = await Run("default", index);
        var copy = Path.Combine(_temp.Path, "copy.run");
        File.WriteAllLines(copy, File.ReadLines(run).Select(line => line.Replace(" default", " copy", StringComparison.Ordinal)));

        var table = await CliRunner.RunAsync("eval", "--qrels", Qrels, "--run", run, "--run", copy, "--metrics", "ndcg@10,mrr@10");
        var json = await CliRunner.RunAsync("eval", "--qrels", Qrels, "--run", run, "--format", "json", "--per-query");
        var bad = await CliRunner.RunAsync("eval", "--qrels", Qrels, "--run", run, "--metrics", "bleu");

        // A run against its own copy: every query ties, nothing moves, p = 1.
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("copy vs default", table.Out, StringComparison.Ordinal);
        Assert.Contains("0/20/0", table.Out, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("\"s11\"", json.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown metric \"bleu\"", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainShowsRankAndTerms()
    {
        var index = await BuildIndex("default");

        var result = await CliRunner.RunAsync("explain", "--query", "مفاوضات وقف اطلاق النار بغزة", "--id", "sample-0021", "--index", index);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("rank 1 of", result.Out, StringComparison.Ordinal);
        Assert.Contains("غزه", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAConfigurationWhoseProfileDiffersFromTheIndex()
    {
        var index = await BuildIndex("stock");

        var result = await CliRunner.RunAsync("run", "--queries", Topics, "--output", Path.Combine(_temp.Path, "x.run"), "--index", index);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("\"stock\" profile", result.Error, StringComparison.Ordinal);
        Assert.Contains("needs \"news\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("reindex <corpus>... --config", result.Error, StringComparison.Ordinal);
    }
}
