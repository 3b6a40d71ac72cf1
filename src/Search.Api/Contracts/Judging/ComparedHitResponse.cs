using Search.Querying;

namespace Search.Api.Contracts.Judging;

/// <summary>A hit of one side of a comparison: as in results, plus its 1-based rank in the other side's list (null when absent there).</summary>
public sealed record ComparedHitResponse(
    int Rank,
    string Id,
    string? Title,
    string? TitleHighlighted,
    string Snippet,
    string? Source,
    string? Category,
    string? Date,
    float Score,
    int? Grade,
    int? OtherRank)
{
    public static ComparedHitResponse From(SearchHit hit, int rank, int? grade, int? otherRank) =>
        new(rank, hit.Id, hit.Title, hit.TitleHighlighted, hit.Snippet, hit.Source, hit.Category, hit.Date, hit.Score, grade, otherRank);
}
