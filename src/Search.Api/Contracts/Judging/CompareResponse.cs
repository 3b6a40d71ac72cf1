namespace Search.Api.Contracts.Judging;

/// <summary><c>GET /judge/api/compare</c>: one query under two rankings, side by side.</summary>
public sealed record CompareResponse(string Query, string QueryId, CompareSideResponse A, CompareSideResponse B);
