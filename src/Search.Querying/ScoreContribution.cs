namespace Search.Querying;

/// <summary>One part of a document's score: a term or phrase in a field, a matched-word bonus, or the coordination factor.</summary>
/// <param name="Kind">term, phrase, bonus or coord.</param>
/// <param name="Field">The field (null for bonus and coord).</param>
/// <param name="Text">The term, phrase or query part as Lucene writes it.</param>
/// <param name="Score">What it adds to the final score, after field boosts, tie-breaker and coordination.</param>
/// <param name="Frequency">Occurrences in the field (terms and phrases), when known.</param>
/// <param name="Idf">BM25 inverse document frequency, when known.</param>
public sealed record ScoreContribution(string Kind, string? Field, string Text, double Score, double? Frequency, double? Idf);
