namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /health</c> when the index is usable.</summary>
public sealed record HealthResponse(string Status, int DocumentCount, int? SchemaVersion, string? Generation, ResultCacheResponse ResultCache);
