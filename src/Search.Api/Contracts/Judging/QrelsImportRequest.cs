namespace Search.Api.Contracts.Judging;

/// <summary>Body of <c>POST /judge/api/qrels</c>: TREC qrels text, <c>qid iter docid grade</c> per line.</summary>
public sealed record QrelsImportRequest(string? Qrels);
