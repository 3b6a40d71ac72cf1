namespace Search.Api.Contracts.Replication;

/// <summary><c>GET /replication/manifest</c>: the commit a primary serves, for followers to copy (#19).</summary>
/// <param name="Commit">The commit's id on this primary (<c>gen-000003.segments_5</c>); file requests name it.</param>
/// <param name="Generation">The primary's generation folder the commit belongs to.</param>
/// <param name="CommitGeneration">N of the commit's <c>segments_N</c>.</param>
/// <param name="SegmentsFile">The commit point, <c>segments_N</c>, one of <paramref name="Files"/>.</param>
/// <param name="SchemaVersion">The schema version in the commit's user data; null when it carries none.</param>
/// <param name="Analysis">The analysis profile in the commit's user data; null when it names none.</param>
/// <param name="Files">Every file of the commit, sorted by name.</param>
public sealed record ReplicationManifestResponse(
    string Commit,
    string Generation,
    long CommitGeneration,
    string SegmentsFile,
    int? SchemaVersion,
    string? Analysis,
    IReadOnlyList<ReplicatedFileResponse> Files);
