namespace Search.Api.Contracts.Judging;

/// <summary>
/// <c>GET /judge/api/results</c>: the top hits of a query under one ranking, each with its grade (null when unjudged),
/// and the name variants the search used (#18: other spellings searched with a word of the query).
/// </summary>
public sealed record JudgedResultsResponse(
    string Query, string QueryId, string Ranking, int Total, IReadOnlyList<JudgedHitResponse> Hits, IReadOnlyList<VariantUseResponse> Variants);
