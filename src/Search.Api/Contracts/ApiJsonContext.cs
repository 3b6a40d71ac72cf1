using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Api.Contracts;

/// <summary>Source-generated JSON for the response contracts (camelCase, as the web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(SuggestResponse))]
[JsonSerializable(typeof(DocumentResponse))]
[JsonSerializable(typeof(AnalyzeResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(LiveResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
