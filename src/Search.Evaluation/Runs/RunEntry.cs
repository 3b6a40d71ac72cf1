namespace Search.Evaluation.Runs;

/// <summary>One line of a TREC run: <c>qid Q0 docid rank score tag</c>.</summary>
public sealed record RunEntry(string QueryId, string DocId, int Rank, double Score, string Tag);
