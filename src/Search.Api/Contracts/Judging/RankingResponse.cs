namespace Search.Api.Contracts.Judging;

/// <summary>One ranking configuration; <c>reason</c> says why it cannot run on the served index (null when it can).</summary>
public sealed record RankingResponse(string Name, string? Profile, bool Available, string? Reason);
