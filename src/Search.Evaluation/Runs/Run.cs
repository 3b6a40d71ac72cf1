namespace Search.Evaluation.Runs;

/// <summary>A system's ranked lists, per query, as written in a run file.</summary>
/// <remarks>
/// <see cref="Ranked"/> orders a query's documents the way trec_eval does, ignoring the rank column: by score
/// descending, then by document id descending (ordinal). A run that writes tied scores is therefore scored on that
/// order, not on the order of its lines.
/// </remarks>
public sealed class Run
{
    private readonly Dictionary<string, List<RunEntry>> _byQuery = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<RunEntry>> _ranked = new(StringComparer.Ordinal);

    /// <summary>Builds a run named <paramref name="name"/> from its entries (any order).</summary>
    public Run(string name, IEnumerable<RunEntry> entries)
    {
        Name = name;
        foreach (var entry in entries)
        {
            if (!_byQuery.TryGetValue(entry.QueryId, out var list))
            {
                list = [];
                _byQuery.Add(entry.QueryId, list);
            }

            list.Add(entry);
        }

        foreach (var (queryId, list) in _byQuery)
        {
            _ranked[queryId] = [.. list.OrderByDescending(e => e.Score).ThenByDescending(e => e.DocId, StringComparer.Ordinal)];
        }
    }

    /// <summary>A name for reports: the tag, or the file name.</summary>
    public string Name { get; }

    /// <summary>The query ids the run answers, in ordinal order.</summary>
    public IReadOnlyList<string> QueryIds => [.. _byQuery.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The documents retrieved for a query in trec_eval order; empty when the run has no line for it.</summary>
    public IReadOnlyList<RunEntry> Ranked(string queryId) =>
        _ranked.TryGetValue(queryId, out var ranked) ? ranked : [];

    /// <summary>Every entry, by query (ordinal) then in trec_eval order.</summary>
    public IEnumerable<RunEntry> All() => QueryIds.SelectMany(Ranked);
}
