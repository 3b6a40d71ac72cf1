namespace Search.Api.Judging;

/// <summary>One stored judgment: <paramref name="DocId"/> has grade <paramref name="Grade"/> (0–3) for <paramref name="QueryId"/>.</summary>
/// <param name="QueryId">The query's id (a set's id, or <c>q-…</c> for a typed query).</param>
/// <param name="DocId">The article's id.</param>
/// <param name="Grade">0 not relevant, 1 related, 2 relevant, 3 the story itself.</param>
/// <param name="QueryText">The query text as judged; null for judgments imported from qrels.</param>
/// <param name="UpdatedAt">When the grade was last set.</param>
public sealed record Judgment(string QueryId, string DocId, int Grade, string? QueryText, DateTimeOffset UpdatedAt);
