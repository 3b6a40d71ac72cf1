namespace Search.Api.Contracts.Judging;

/// <summary>One side of a comparison: the ranking, its total matches and its top hits.</summary>
public sealed record CompareSideResponse(string Ranking, int Total, IReadOnlyList<ComparedHitResponse> Hits);
