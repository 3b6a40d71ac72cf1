namespace Search.Api.Contracts.Judging;

/// <summary>Body of <c>PUT /judge/api/judgments</c>: grade <c>grade</c> (0–3) for document <c>docId</c> on query <c>queryId</c>, whose text is <c>query</c>.</summary>
public sealed record JudgmentRequest(string? QueryId, string? Query, string? DocId, int? Grade);
