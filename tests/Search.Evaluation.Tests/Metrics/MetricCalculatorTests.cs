using Search.Evaluation.Metrics;
using Search.Evaluation.Qrels;
using Search.Evaluation.Runs;

namespace Search.Evaluation.Tests.Metrics;

public sealed class MetricCalculatorTests
{
    // Query q1: judged d1 = 2, d2 = 1, d3 = 0, d4 = 1 (three relevant: d1, d2, d4; d4 is never retrieved).
    // Ranked list: d3, d1, d5 (unjudged), d2.
    private static readonly Dictionary<string, int> Judged = new() { ["d1"] = 2, ["d2"] = 1, ["d3"] = 0, ["d4"] = 1 };
    private static readonly string[] Ranked = ["d3", "d1", "d5", "d2"];

    private static double Compute(string metric) =>
        MetricCalculator.Compute(Parse(metric), Ranked, Judged);

    private static Metric Parse(string text)
    {
        Assert.True(Metric.TryParse(text, out var metric, out var error), error);
        return metric!;
    }

    [Fact]
    public void PrecisionCountsRelevantInTopKOverK()
    {
        // Top 2 = d3 (0), d1 (rel): 1 / 2. Top 10 = 2 relevant (d1, d2) / 10, even though only 4 were retrieved.
        Assert.Equal(0.5, Compute("p@2"), 10);
        Assert.Equal(0.2, Compute("p@10"), 10);
    }

    [Fact]
    public void RecallCountsRelevantInTopKOverAllRelevant()
    {
        // Top 2 holds d1 of {d1, d2, d4}: 1 / 3. Top 100 holds d1, d2: 2 / 3 (d4 was never retrieved).
        Assert.Equal(1.0 / 3, Compute("recall@2"), 10);
        Assert.Equal(2.0 / 3, Compute("recall@100"), 10);
    }

    [Fact]
    public void ReciprocalRankIsCutAtK()
    {
        // First relevant (d1) at rank 2: 1/2; cut at 1, nothing relevant in the top 1: 0.
        Assert.Equal(0.5, Compute("mrr@10"), 10);
        Assert.Equal(0.0, Compute("mrr@1"), 10);
        Assert.Equal(0.5, Compute("mrr"), 10);
    }

    [Fact]
    public void AveragePrecisionDividesByAllRelevantIncludingUnretrieved()
    {
        // d1 at rank 2: precision 1/2; d2 at rank 4: precision 2/4. (0.5 + 0.5) / 3 relevant = 0.3333.
        Assert.Equal(1.0 / 3, Compute("map"), 10);

        // map@2 (trec_eval map_cut.2): only d1 counts: 0.5 / 3.
        Assert.Equal(0.5 / 3, Compute("map@2"), 10);
    }

    [Fact]
    public void NdcgUsesGradesAsGainsAndIdealFromAllJudged()
    {
        // DCG@4 = 0/log2(2) + 2/log2(3) + 0/log2(4) + 1/log2(5) = 1.261860 + 0.430677 = 1.692536.
        // Ideal from every judged relevant document, grades 2, 1, 1 (d4 counts though unretrieved):
        // IDCG@4 = 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.630930 + 0.5 = 3.130930. nDCG@4 = 0.540586.
        var expected = (2 / Math.Log2(3) + 1 / Math.Log2(5)) / (2 + 1 / Math.Log2(3) + 0.5);
        Assert.Equal(expected, Compute("ndcg@4"), 10);
        Assert.Equal(0.540586, Compute("ndcg@4"), 6);

        // nDCG@1: DCG = 0 (d3); IDCG@1 = 2. 0.
        Assert.Equal(0.0, Compute("ndcg@1"), 10);
    }

    [Fact]
    public void TiedScoresAreOrderedByDocIdDescendingLikeTrecEval()
    {
        // Both documents score 1.0; the file lists "a" first with rank 1, but trec_eval ignores ranks and sorts
        // ties by docid descending: b then a. Only a is relevant, so it sits at rank 2: RR = 1/2.
        var run = new Run("r", [new RunEntry("q", "a", 1, 1.0, "r"), new RunEntry("q", "b", 2, 1.0, "r")]);
        var qrels = new QrelSet([new Qrel("q", "a", 1)]);

        var evaluation = RunEvaluator.Evaluate(run, qrels, [Parse("mrr@10")]);

        Assert.Equal(["b", "a"], run.Ranked("q").Select(e => e.DocId));
        Assert.Equal(0.5, evaluation.Mean(Parse("mrr@10")), 10);
    }

    [Fact]
    public void RanksByScoreNotByTheRankColumn()
    {
        // Rank column says a first, but b has the higher score: b is first.
        var run = new Run("r", [new RunEntry("q", "a", 1, 0.5, "r"), new RunEntry("q", "b", 2, 0.9, "r")]);

        Assert.Equal(["b", "a"], run.Ranked("q").Select(e => e.DocId));
    }

    [Fact]
    public void SkipsQueriesWithoutRelevantAndScoresMissingQueriesZero()
    {
        // q1: relevant d1 at rank 1 -> RR 1. q2: judged, relevant d9, absent from the run -> 0.
        // q3: judged but nothing relevant -> skipped. q4: in the run only, not judged -> ignored.
        // Mean over q1, q2 = (1 + 0) / 2 = 0.5.
        var run = new Run("r",
        [
            new RunEntry("q1", "d1", 1, 3, "r"),
            new RunEntry("q3", "d3", 1, 3, "r"),
            new RunEntry("q4", "d4", 1, 3, "r"),
        ]);
        var qrels = new QrelSet([new Qrel("q1", "d1", 1), new Qrel("q2", "d9", 2), new Qrel("q3", "d3", 0)]);

        var evaluation = RunEvaluator.Evaluate(run, qrels, [Parse("mrr@10")]);

        Assert.Equal(["q1", "q2"], evaluation.QueryIds);
        Assert.Equal(["q2"], evaluation.MissingQueries);
        Assert.Equal(0.5, evaluation.Mean(Parse("mrr@10")), 10);
    }

    [Theory]
    [InlineData("ndcg@10", "ndcg@10")]
    [InlineData("MAP", "map")]
    [InlineData("r@100", "recall@100")]
    [InlineData("P@5", "p@5")]
    public void ParsesMetricNames(string text, string name)
    {
        Assert.Equal(name, Parse(text).Name);
    }

    [Theory]
    [InlineData("bleu")]
    [InlineData("p")]
    [InlineData("ndcg@0")]
    [InlineData("ndcg@x")]
    public void RejectsBadMetricNames(string text)
    {
        Assert.False(Metric.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }
}
