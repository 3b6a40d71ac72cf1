namespace Search.Api.Contracts.Judging;

/// <summary>One document's grade.</summary>
public sealed record JudgmentEntryResponse(string DocId, int Grade);
