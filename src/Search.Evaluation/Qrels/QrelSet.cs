namespace Search.Evaluation.Qrels;

/// <summary>Graded judgments per query. A document is relevant when its grade is at least 1 (trec_eval's default relevance level).</summary>
public sealed class QrelSet
{
    private readonly Dictionary<string, Dictionary<string, int>> _byQuery = new(StringComparer.Ordinal);

    /// <summary>Builds the set; a later judgment of the same query and document replaces an earlier one.</summary>
    public QrelSet(IEnumerable<Qrel> qrels)
    {
        foreach (var qrel in qrels)
        {
            if (!_byQuery.TryGetValue(qrel.QueryId, out var judged))
            {
                judged = new Dictionary<string, int>(StringComparer.Ordinal);
                _byQuery.Add(qrel.QueryId, judged);
            }

            judged[qrel.DocId] = qrel.Grade;
        }
    }

    /// <summary>The judged query ids, in ordinal order.</summary>
    public IReadOnlyList<string> QueryIds => [.. _byQuery.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The judgments of a query (document id to grade); empty when the query is not judged.</summary>
    public IReadOnlyDictionary<string, int> For(string queryId) =>
        _byQuery.TryGetValue(queryId, out var judged) ? judged : EmptyJudgments;

    /// <summary>Every judgment, by query then document id (ordinal).</summary>
    public IEnumerable<Qrel> All() =>
        from queryId in QueryIds
        from pair in _byQuery[queryId].OrderBy(p => p.Key, StringComparer.Ordinal)
        select new Qrel(queryId, pair.Key, pair.Value);

    private static readonly Dictionary<string, int> EmptyJudgments = new(StringComparer.Ordinal);
}
