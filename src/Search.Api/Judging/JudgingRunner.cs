using Search.Evaluation.Metrics;
using Search.Evaluation.Qrels;
using Search.Evaluation.Runs;
using Search.Evaluation.Topics;
using Search.Querying;

namespace Search.Api.Judging;

/// <summary>
/// Runs queries for the workbench through the path of <c>GET /search</c> (did-you-mean and the typo retry off, as the
/// CLI's <c>run</c> verb: the ranking is what is judged) with a chosen configuration, and scores them against the
/// stored judgments with the evaluation library's trec_eval metrics.
/// </summary>
public sealed class JudgingRunner(NewsSearcher searcher, JudgmentStore store, QuerySetCatalog sets)
{
    /// <summary>How deep a scored run goes (one page of the largest size).</summary>
    public const int RunDepth = SearchLimits.MaxPageSize;

    /// <summary>The top <paramref name="size"/> hits of <paramref name="text"/> ranked by <paramref name="ranking"/>.</summary>
    public SearchPage Top(string text, RankingWeights ranking, int size) =>
        searcher.Search(new SearchRequest(text, 1, size) { Correct = false, Collapse = false }, ranking);

    /// <summary>The words of <paramref name="text"/> that the served name variants widen, with their other spellings (#18).</summary>
    public IReadOnlyList<Search.Querying.Variants.VariantUse> Variants(string text) => searcher.Variants.InUse(text);

    /// <summary>
    /// The judged queries of <paramref name="set"/> (every judged query when null) that can be scored: the query needs
    /// a text (from a set, or as judged) and, as trec_eval requires, at least one document of grade ≥ 1.
    /// </summary>
    public JudgedQueries Judged(QuerySet? set)
    {
        var byQuery = store.All().GroupBy(j => j.QueryId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var candidates = new List<(string Id, string? Text)>();
        if (set is not null)
        {
            candidates.AddRange(set.Queries.Where(q => byQuery.ContainsKey(q.Id)).Select(q => (q.Id, (string?)q.Text)));
        }
        else
        {
            var fromSets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var topic in sets.List().SelectMany(s => s.Queries))
            {
                fromSets.TryAdd(topic.Id, topic.Text);
            }

            foreach (var (id, judgments) in byQuery.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var judged = judgments.Where(j => j.QueryText is not null).MaxBy(j => j.UpdatedAt)?.QueryText;
                candidates.Add((id, fromSets.GetValueOrDefault(id) ?? judged));
            }
        }

        var topics = new List<Topic>();
        var skipped = new List<SkippedQuery>();
        foreach (var (id, text) in candidates)
        {
            if (text is null)
            {
                skipped.Add(new SkippedQuery(id, "No text: the query was only imported from qrels and no query set holds its id."));
            }
            else if (!byQuery[id].Any(j => j.Grade > 0))
            {
                skipped.Add(new SkippedQuery(id, "No document is judged relevant (grade 1 or more), so no ranking can score on it (trec_eval skips it)."));
            }
            else
            {
                topics.Add(new Topic(id, text));
            }
        }

        var qrels = new QrelSet(topics.SelectMany(t => byQuery[t.Id]).Select(j => new Qrel(j.QueryId, j.DocId, j.Grade)));
        return new JudgedQueries(topics, qrels, skipped);
    }

    /// <summary>
    /// Runs every query of <paramref name="judged"/> to <see cref="RunDepth"/> with each ranking and scores the runs on
    /// <paramref name="metrics"/>. A query that one ranking cannot run (over the query limits) is left out of all of them.
    /// </summary>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public IReadOnlyList<RunEvaluation> Evaluate(
        JudgedQueries judged, IReadOnlyList<RankingWeights> rankings, IReadOnlyList<Metric> metrics, out IReadOnlyList<SkippedQuery> skipped)
    {
        var failed = new Dictionary<string, SkippedQuery>(StringComparer.Ordinal);
        var entries = rankings.Select(_ => new List<RunEntry>()).ToList();
        foreach (var topic in judged.Topics)
        {
            for (var r = 0; r < rankings.Count; r++)
            {
                try
                {
                    var hits = Top(topic.Text, rankings[r], RunDepth).Hits;

                    // Scores that fall with the rank: trec_eval orders by score, and the engine's order is what is judged.
                    entries[r].AddRange(hits.Select((hit, i) => new RunEntry(topic.Id, hit.Id, i + 1, hits.Count - i, rankings[r].Name)));
                }
                catch (QuerySyntaxException e)
                {
                    failed.TryAdd(topic.Id, new SkippedQuery(topic.Id, $"Invalid query for {rankings[r].Name}: {e.Message}"));
                }
            }
        }

        var qrels = failed.Count == 0 ? judged.Qrels : new QrelSet(judged.Qrels.All().Where(q => !failed.ContainsKey(q.QueryId)));
        skipped = [.. judged.Skipped, .. failed.Values];
        return [.. rankings.Select((ranking, r) => RunEvaluator.Evaluate(new Run(ranking.Name, entries[r]), qrels, metrics))];
    }
}
