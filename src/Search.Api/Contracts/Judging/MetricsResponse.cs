namespace Search.Api.Contracts.Judging;

/// <summary>
/// <c>GET /judge/api/metrics</c>: the judged queries scored under one ranking. <c>queries</c> counts the scored ones;
/// <c>skipped</c> lists judged queries that cannot be scored, with the reason.
/// </summary>
public sealed record MetricsResponse(
    string Ranking,
    string? Set,
    int Queries,
    MetricValuesResponse Metrics,
    IReadOnlyList<QueryMetricsResponse> PerQuery,
    IReadOnlyList<SkippedQueryResponse> Skipped);
