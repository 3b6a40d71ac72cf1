namespace Search.Api.Contracts.Judging;

/// <summary>Body of <c>PUT /judge/api/query-sets/{name}</c>: the set as TSV, one <c>qid&lt;TAB&gt;text</c> per line.</summary>
public sealed record QuerySetUploadRequest(string? Tsv);
