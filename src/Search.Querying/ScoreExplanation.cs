namespace Search.Querying;

/// <summary>Why a document scored what it did for a query, for analysts: rank, score, and the parts of the score by field and term.</summary>
/// <param name="Query">The query text.</param>
/// <param name="DocId">The document id asked about.</param>
/// <param name="Exists">Whether the index holds the document.</param>
/// <param name="Matches">Whether the document matches the query at all.</param>
/// <param name="Rank">1-based rank among the matches (score descending, ties newest first, as <c>/search</c>), or null beyond <see cref="RankDepth"/>.</param>
/// <param name="RankDepth">How deep the rank was looked for.</param>
/// <param name="Total">How many documents match.</param>
/// <param name="Score">The document's score.</param>
/// <param name="Title">The document's stored title.</param>
/// <param name="LuceneQuery">The query as Lucene runs it.</param>
/// <param name="Contributions">The parts of the score, largest first.</param>
/// <param name="ByField">Score per field (terms and phrases), largest first.</param>
public sealed record ScoreExplanation(
    string Query,
    string DocId,
    bool Exists,
    bool Matches,
    int? Rank,
    int RankDepth,
    int Total,
    double Score,
    string? Title,
    string LuceneQuery,
    IReadOnlyList<ScoreContribution> Contributions,
    IReadOnlyList<KeyValuePair<string, double>> ByField);
