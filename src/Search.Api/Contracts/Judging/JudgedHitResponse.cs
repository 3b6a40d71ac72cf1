using Search.Querying;

namespace Search.Api.Contracts.Judging;

/// <summary>
/// One hit to judge: 1-based rank, the hit as <c>/search</c> shows it (<c>snippet</c> and <c>titleHighlighted</c> are
/// HTML, matches in &lt;mark&gt;) and its grade for the query (0–3), null when unjudged.
/// </summary>
public sealed record JudgedHitResponse(
    int Rank,
    string Id,
    string? Title,
    string? TitleHighlighted,
    string Snippet,
    string? Source,
    string? Category,
    string? Date,
    float Score,
    int? Grade)
{
    public static JudgedHitResponse From(SearchHit hit, int rank, int? grade) =>
        new(rank, hit.Id, hit.Title, hit.TitleHighlighted, hit.Snippet, hit.Source, hit.Category, hit.Date, hit.Score, grade);
}
