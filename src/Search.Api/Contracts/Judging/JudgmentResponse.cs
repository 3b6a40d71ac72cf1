namespace Search.Api.Contracts.Judging;

/// <summary>A stored judgment.</summary>
public sealed record JudgmentResponse(string QueryId, string DocId, int Grade);
