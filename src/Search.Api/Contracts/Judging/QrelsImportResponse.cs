namespace Search.Api.Contracts.Judging;

/// <summary>What an import stored: the judgments upserted (distinct query and document pairs), and the lines skipped.</summary>
public sealed record QrelsImportResponse(int Imported, IReadOnlyList<LineErrorResponse> Errors);
