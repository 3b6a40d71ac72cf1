namespace Search.Api.Contracts.Judging;

/// <summary><c>GET /judge/api/judgments</c>: the judgments of one query, by document id.</summary>
public sealed record QueryJudgmentsResponse(string QueryId, IReadOnlyList<JudgmentEntryResponse> Judgments);
