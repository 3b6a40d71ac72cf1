using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Api.Contracts.Judging;
using Search.Api.Contracts.Replication;

namespace Search.Api.Contracts;

/// <summary>Source-generated JSON for the response contracts (camelCase, as the web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(SuggestResponse))]
[JsonSerializable(typeof(DocumentResponse))]
[JsonSerializable(typeof(AnalyzeResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(LiveResponse))]
[JsonSerializable(typeof(RankingsResponse))]
[JsonSerializable(typeof(QuerySetsResponse))]
[JsonSerializable(typeof(QuerySetResponse))]
[JsonSerializable(typeof(QuerySetUploadRequest))]
[JsonSerializable(typeof(QuerySetUploadResponse))]
[JsonSerializable(typeof(JudgedResultsResponse))]
[JsonSerializable(typeof(CompareResponse))]
[JsonSerializable(typeof(JudgmentRequest))]
[JsonSerializable(typeof(JudgmentResponse))]
[JsonSerializable(typeof(QueryJudgmentsResponse))]
[JsonSerializable(typeof(QrelsImportRequest))]
[JsonSerializable(typeof(QrelsImportResponse))]
[JsonSerializable(typeof(MetricsResponse))]
[JsonSerializable(typeof(CompareSetResponse))]
[JsonSerializable(typeof(ReplicationManifestResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
