using Search.Evaluation.Qrels;
using Search.Evaluation.Topics;

namespace Search.Api.Judging;

/// <summary>The judged queries that can be scored, their judgments, and the judged queries that cannot (with reasons).</summary>
/// <param name="Topics">Queries with text and at least one relevant judgment, in set order (or by id across all sets).</param>
/// <param name="Qrels">The judgments of <paramref name="Topics"/>.</param>
/// <param name="Skipped">Judged queries left out.</param>
public sealed record JudgedQueries(IReadOnlyList<Topic> Topics, QrelSet Qrels, IReadOnlyList<SkippedQuery> Skipped);
