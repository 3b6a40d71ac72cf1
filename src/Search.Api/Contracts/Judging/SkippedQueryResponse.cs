namespace Search.Api.Contracts.Judging;

/// <summary>A judged query that was not scored, and why.</summary>
public sealed record SkippedQueryResponse(string QueryId, string Reason);
