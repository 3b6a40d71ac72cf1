namespace Search.Api.Contracts.Judging;

/// <summary>One query set: <c>origin</c> is <c>file</c> (read-only, on the server) or <c>uploaded</c>; <c>judgedQueries</c> have at least one judgment.</summary>
public sealed record QuerySetSummaryResponse(string Name, string Origin, int Queries, int JudgedQueries);
