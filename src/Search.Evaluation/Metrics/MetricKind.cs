namespace Search.Evaluation.Metrics;

/// <summary>The measures <see cref="MetricCalculator"/> computes, each defined as trec_eval defines it.</summary>
public enum MetricKind
{
    /// <summary>trec_eval <c>ndcg_cut.k</c> (or <c>ndcg</c> without a cut): gain = grade, discount log2(rank + 1), ideal from all judged documents.</summary>
    Ndcg,

    /// <summary>trec_eval <c>map</c> (or <c>map_cut.k</c>): precision at each relevant document retrieved, summed, over all relevant documents.</summary>
    Map,

    /// <summary>trec_eval <c>recip_rank</c> cut at k: 1 / rank of the first relevant document within the top k, else 0.</summary>
    Mrr,

    /// <summary>trec_eval <c>P.k</c>: relevant documents in the top k, over k.</summary>
    Precision,

    /// <summary>trec_eval <c>recall.k</c>: relevant documents in the top k, over all relevant documents.</summary>
    Recall,
}
