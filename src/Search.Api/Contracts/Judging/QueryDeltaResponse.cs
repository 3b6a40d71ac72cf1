namespace Search.Api.Contracts.Judging;

/// <summary>One query's value under a and b, and b − a.</summary>
public sealed record QueryDeltaResponse(string QueryId, string Query, double A, double B, double Delta);
