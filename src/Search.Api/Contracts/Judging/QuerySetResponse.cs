namespace Search.Api.Contracts.Judging;

/// <summary><c>GET /judge/api/query-sets/{name}</c>: the queries in order.</summary>
public sealed record QuerySetResponse(string Name, string Origin, IReadOnlyList<QuerySetQueryResponse> Queries);
