namespace Search.Api.Contracts.Judging;

/// <summary><c>GET /judge/api/query-sets</c>.</summary>
public sealed record QuerySetsResponse(IReadOnlyList<QuerySetSummaryResponse> QuerySets);
