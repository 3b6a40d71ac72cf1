namespace Search.Api.Contracts.Judging;

/// <summary>
/// <c>GET /judge/api/compare-set</c>: two rankings over the judged queries of a set on one metric. <c>wins</c> counts the
/// queries where b scores higher than a, <c>losses</c> where it scores lower; <c>pValue</c> is the two-sided paired
/// randomization test of the mean difference; <c>perQuery</c> is sorted by <c>delta</c> (b − a), largest first.
/// </summary>
public sealed record CompareSetResponse(
    string Set,
    string A,
    string B,
    string Metric,
    int Queries,
    double MeanA,
    double MeanB,
    int Wins,
    int Ties,
    int Losses,
    double PValue,
    IReadOnlyList<QueryDeltaResponse> PerQuery,
    IReadOnlyList<SkippedQueryResponse> Skipped);
