using System.Text.Json.Serialization;

namespace Search.Api.Contracts.Judging;

/// <summary>Means over the scored queries, as trec_eval computes them.</summary>
public sealed record MetricValuesResponse(
    [property: JsonPropertyName("ndcg@10")] double Ndcg10,
    [property: JsonPropertyName("p@10")] double P10,
    [property: JsonPropertyName("mrr@10")] double Mrr10);
