using System.Text.Json.Serialization;

namespace Search.Api.Contracts.Judging;

/// <summary>One query's values.</summary>
public sealed record QueryMetricsResponse(
    string QueryId,
    string Query,
    [property: JsonPropertyName("ndcg@10")] double Ndcg10,
    [property: JsonPropertyName("p@10")] double P10,
    [property: JsonPropertyName("mrr@10")] double Mrr10);
