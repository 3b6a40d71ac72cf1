namespace Search.Cli.Replication;

/// <summary>What one sync with the primary did.</summary>
/// <param name="Switched">True when a new generation went live; false when the replica was already in step.</param>
/// <param name="Generation">The replica's live generation folder afterwards.</param>
/// <param name="Commit">The primary's commit it now holds.</param>
/// <param name="Documents">Live documents of that commit (0 when nothing was switched).</param>
/// <param name="Downloaded">Files downloaded (whole or the rest of a part).</param>
/// <param name="DownloadedBytes">Bytes of those files.</param>
/// <param name="Kept">Files the replica already had: linked or copied from the live generation, or found whole in an unfinished one.</param>
internal sealed record SyncResult(bool Switched, string Generation, string Commit, int Documents, int Downloaded, long DownloadedBytes, int Kept);
