namespace Search.Evaluation.Qrels;

/// <summary>One judgment: document <paramref name="DocId"/> has relevance <paramref name="Grade"/> for query <paramref name="QueryId"/> (0 = judged not relevant).</summary>
public sealed record Qrel(string QueryId, string DocId, int Grade);
