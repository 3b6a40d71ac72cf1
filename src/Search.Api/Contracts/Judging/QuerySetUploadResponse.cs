namespace Search.Api.Contracts.Judging;

/// <summary>What an upload stored: the number of queries kept, and the lines skipped with their reasons.</summary>
public sealed record QuerySetUploadResponse(string Name, int Queries, IReadOnlyList<LineErrorResponse> Errors);
