namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /health/live</c>.</summary>
public sealed record LiveResponse(string Status);
