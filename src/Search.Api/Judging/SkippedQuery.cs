namespace Search.Api.Judging;

/// <summary>A judged query left out of a metric, and why.</summary>
public sealed record SkippedQuery(string QueryId, string Reason);
