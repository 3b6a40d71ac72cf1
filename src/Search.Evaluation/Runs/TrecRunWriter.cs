using System.Globalization;

namespace Search.Evaluation.Runs;

/// <summary>Writes TREC run lines: <c>qid Q0 docid rank score tag</c>, rank 1-based, score with 6 decimals.</summary>
public sealed class TrecRunWriter(TextWriter writer, string tag)
{
    /// <summary>Writes one query's ranked document ids and scores, best first.</summary>
    /// <remarks>
    /// Scores are written as given; where two are equal after rounding, trec_eval would reorder them by document id,
    /// so the written score is nudged down by rank to keep the engine's order (a tie in the engine is broken by it,
    /// as users see it).
    /// </remarks>
    public void WriteQuery(string queryId, IReadOnlyList<(string DocId, double Score)> ranked)
    {
        var previous = double.PositiveInfinity;
        for (var i = 0; i < ranked.Count; i++)
        {
            var score = Math.Round(ranked[i].Score, 6);
            if (score >= previous)
            {
                score = previous - 1e-6;
            }

            previous = score;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{queryId} Q0 {ranked[i].DocId} {i + 1} {score:F6} {tag}\n"));
        }
    }
}
