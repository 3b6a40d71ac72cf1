using System.Text.RegularExpressions;
using Search.Api.Contracts.Replication;
using Search.Core.Replication;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Cli.Replication;

/// <summary>
/// One sync of a replica's index root with its primary (#19): when the primary's commit is not the live one, it is
/// copied into a new generation (files the replica has are linked, the rest downloaded and checked), verified by Lucene,
/// and only then made live by switching <c>CURRENT</c>; older generations, unfinished ones included, are then removed.
/// </summary>
/// <remarks>
/// Until the switch nothing the replica serves changes, so a failure or a kill at any point leaves it as it was; the
/// unfinished generation keeps what arrived, and the next sync continues from there.
/// </remarks>
internal sealed partial class ReplicaSync(IndexLayout layout, PrimaryClient primary)
{
    // The primary moved on to another commit while this one was copied: start over this many times in one sync.
    private const int MaxRestarts = 3;

    /// <summary>Brings the replica in step with the primary's commit of the moment.</summary>
    /// <exception cref="ReplicationException">It could not; the replica is unchanged.</exception>
    public async Task<SyncResult> RunAsync(CancellationToken cancellationToken)
    {
        var manifest = Checked(await primary.GetManifestAsync(cancellationToken));
        string? live;
        try
        {
            live = layout.TryGetCurrent();
        }
        catch (InvalidDataException e)
        {
            throw new ReplicationException($"Cannot read the replica's CURRENT: {e.Message}");
        }

        var liveFiles = Describe(live);
        if (live is not null && liveFiles.Count == manifest.Files.Count && manifest.Files.All(f => Same(liveFiles.GetValueOrDefault(f.Name), f)))
        {
            return new SyncResult(false, live, manifest.Commit, 0, 0, 0, 0);
        }

        try
        {
            using var writer = FollowerLock.Acquire(layout.Root);
            return await CopyAsync(manifest, live, liveFiles, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReplicationException($"Cannot write the replica at {layout.Root}: {e.Message} The live index is unchanged.");
        }
    }

    private async Task<SyncResult> CopyAsync(
        ReplicationManifestResponse manifest, string? live, Dictionary<string, CommitFile> liveFiles, CancellationToken cancellationToken)
    {
        var staging = StagingGeneration.FindOrCreate(layout, live, $"{primary.Address} {manifest.Commit}");
        var reuse = liveFiles;
        for (var restarts = 0; ;)
        {
            var placed = await PlaceAsync(staging, manifest, live, reuse, cancellationToken);
            if (placed is null)
            {
                // The primary no longer serves this commit: copy its new one, keeping what arrived (same name and checksum).
                var next = Checked(await primary.GetManifestAsync(cancellationToken));
                if (next.Commit == manifest.Commit || ++restarts > MaxRestarts)
                {
                    throw new ReplicationException(
                        $"The primary at {primary.Address} stopped serving commit {manifest.Commit} during the copy {restarts} time(s); the next sync tries again.");
                }

                manifest = next;
                continue;
            }

            staging.KeepOnly(manifest.Files.Select(f => f.Name));
            int documents;
            try
            {
                documents = CommitVerifier.Verify(staging.Path, manifest);
            }
            catch (ReplicationException)
            {
                // Nothing of a commit that failed Lucene's check is kept; when files of the live generation were used,
                // one of them may be the damaged one, so the commit is downloaded whole once more before giving up.
                staging.KeepOnly([]);
                if (placed.Value.Kept == 0 || reuse.Count == 0)
                {
                    throw;
                }

                reuse = [];
                continue;
            }

            layout.Switch(staging.Path);
            staging.Complete();
            RemoveOtherGenerations(staging.Path);
            return new SyncResult(true, staging.Path, manifest.Commit, documents, placed.Value.Downloaded, placed.Value.Bytes, placed.Value.Kept);
        }
    }

    // Every file of the commit into the staging folder; null when the primary stopped serving the commit.
    private async Task<(int Downloaded, long Bytes, int Kept)?> PlaceAsync(
        StagingGeneration staging, ReplicationManifestResponse manifest, string? live, Dictionary<string, CommitFile> reuse, CancellationToken cancellationToken)
    {
        int downloaded = 0, kept = 0;
        long bytes = 0;
        foreach (var file in manifest.Files)
        {
            var target = staging.FilePath(file);
            if (File.Exists(target))
            {
                if (staging.Holds(file))
                {
                    kept++;
                    continue;
                }

                File.Delete(target);
            }

            if (live is not null && Same(reuse.GetValueOrDefault(file.Name), file))
            {
                LocalFiles.LinkOrCopy(Path.Combine(live, file.Name), target);
                kept++;
                continue;
            }

            var part = staging.PartPath(file);
            if (!await primary.DownloadAsync(manifest.Commit, file, part, cancellationToken))
            {
                return null;
            }

            if (!CommitFiles.TryVerify(staging.Path, Path.GetFileName(part), out var checksum, out var problem) || checksum != file.Checksum)
            {
                File.Delete(part);
                throw new ReplicationException(
                    $"{file.Name} from the primary at {primary.Address} failed its checksum ({problem ?? $"its bytes give {checksum:x8}, the manifest says {file.Checksum:x8}"}); "
                    + "it was discarded and the replica is unchanged.");
            }

            File.Move(part, target);
            downloaded++;
            bytes += file.Length;
        }

        return (downloaded, bytes, kept);
    }

    // The primary's word is checked before anything is written: this build's schema, and names that are plain file names.
    private ReplicationManifestResponse Checked(ReplicationManifestResponse manifest)
    {
        if (manifest.SchemaVersion != IndexVersion.Schema)
        {
            var found = manifest.SchemaVersion is { } version ? $"schema version {version}" : "no schema version";
            throw new ReplicationException(
                $"The primary at {primary.Address} serves an index of {found}; this build reads schema version {IndexVersion.Schema}. "
                + "The replica is unchanged: run the same build on the primary and its replicas.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!FileName().IsMatch(file.Name) || file.Name.Contains("..", StringComparison.Ordinal) || !names.Add(file.Name)
                || file.Name == StagingGeneration.MarkerFileName || StagingGeneration.IsPart(file.Name)
                || file.Length < 0 || file.Checksum is < 0 or > uint.MaxValue)
            {
                throw new ReplicationException($"The primary at {primary.Address} sent a manifest with an invalid file entry ({file.Name}); nothing was changed.");
            }
        }

        if (!names.Contains(manifest.SegmentsFile) || string.IsNullOrEmpty(manifest.Commit))
        {
            throw new ReplicationException($"The primary at {primary.Address} sent a manifest without its commit point; nothing was changed.");
        }

        return manifest;
    }

    // The files of the live generation's commit, by name; none when there is no live index or it cannot be read.
    private static Dictionary<string, CommitFile> Describe(string? live)
    {
        try
        {
            var listing = live is null ? null : CommitFiles.ReadLatest(live);
            return listing is null ? [] : CommitFiles.Describe(live!, listing.FileNames).ToDictionary(f => f.Name, StringComparer.Ordinal);
        }
        catch (IOException)
        {
            return []; // a damaged live index: everything is downloaded
        }
    }

    private static bool Same(CommitFile? have, ReplicatedFileResponse wanted) =>
        have is not null && have.Length == wanted.Length && have.Checksum == wanted.Checksum;

    // Best effort, as reindex does: on Linux a folder the replica's API still reads is deleted all the same.
    private void RemoveOtherGenerations(string live)
    {
        foreach (var generation in layout.ListGenerations().Where(g => g != live))
        {
            try
            {
                Directory.Delete(generation, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next switch.
            }
        }
    }

    // Lucene's file names (segments_N, _0.cfs, _0_Lucene41_0.doc, ...): letters, digits, '_', '.', '-'; no separators.
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$")]
    private static partial Regex FileName();
}
