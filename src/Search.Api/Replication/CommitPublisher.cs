using System.Diagnostics.CodeAnalysis;
using Search.Api.Contracts.Replication;
using Search.Core.Replication;
using Search.Core.Storage;

namespace Search.Api.Replication;

/// <summary>
/// What a primary publishes to its followers (#19): the live commit of its index root (the latest commit of the
/// generation <c>CURRENT</c> names), read again whenever a manifest is asked for and the commit has changed. Read-only:
/// it opens the commit's files for reading and writes nothing.
/// </summary>
/// <remarks>
/// A follower copies the files of the commit its manifest named. When the indexer commits again meanwhile (or
/// <c>reindex</c> switches and deletes the old generation), the commit it was copying stays servable from its open
/// handles for <see cref="ReplicationSettings.Retention"/> after its last request, so the copy completes as it started. After that (or
/// beyond <see cref="MaxRetired"/> older commits) its files are 404 and the follower starts over from a new manifest,
/// keeping the files it already has.
/// </remarks>
internal sealed class CommitPublisher : IDisposable
{
    /// <summary>At most this many older commits are kept servable (their deleted files keep their disk space meanwhile).</summary>
    public const int MaxRetired = 4;

    // A commit read while the indexer deletes its predecessor's files: read the newer one instead, a few times.
    private const int OpenAttempts = 5;

    private readonly IndexLayout _layout;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<ServedCommit> _retired = [];
    private ServedCommit? _live;
    private bool _disposed;

    public CommitPublisher(string indexRoot, TimeProvider time)
    {
        _layout = new IndexLayout(indexRoot);
        _time = time;
    }

    /// <summary>The manifest of the live commit; false with the reason when there is none to publish.</summary>
    public bool TryGetManifest([NotNullWhen(true)] out ReplicationManifestResponse? manifest, [NotNullWhen(false)] out string? problem)
    {
        manifest = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Prune();
            string? path;
            try
            {
                path = _layout.TryGetCurrent();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                problem = e.Message;
                return false;
            }

            if (path is null)
            {
                problem = "This server has no index to replicate yet.";
                return false;
            }

            if (_live is { } live && live.Path == path && live.CommitGeneration == CommitFiles.LatestGeneration(path))
            {
                manifest = live.Manifest;
                problem = null;
                return true;
            }

            if (!TryOpen(path, out var opened, out problem))
            {
                return false;
            }

            if (_live is { } same && same.Id == opened.Id)
            {
                opened.Retire();
                manifest = same.Manifest;
                return true;
            }

            if (_live is { } previous)
            {
                _retired.Add(previous);
            }

            _live = opened;
            Prune();
            manifest = opened.Manifest;
            return true;
        }
    }

    /// <summary>A stream of file <paramref name="name"/> of commit <paramref name="commit"/>, or null when neither is served.</summary>
    public ServedFileStream? TryOpenFile(string commit, string name)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Prune();
            var served = _live is { } live && live.Id == commit ? live : _retired.Find(r => r.Id == commit);
            return served?.TryOpen(name);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _live?.Retire();
            _live = null;
            _retired.ForEach(r => r.Retire());
            _retired.Clear();
        }
    }

    private bool TryOpen(string path, [NotNullWhen(true)] out ServedCommit? opened, [NotNullWhen(false)] out string? problem)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                opened = ServedCommit.Open(path, _time);
                problem = opened is null ? $"The live generation {Path.GetFileName(path)} has no commit yet." : null;
                return opened is not null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // FileNotFoundException: the indexer committed again and deleted a file of the commit being read.
                if (e is not FileNotFoundException || attempt == OpenAttempts)
                {
                    opened = null;
                    problem = $"The live commit of {Path.GetFileName(path)} cannot be read: {e.Message}";
                    return false;
                }
            }
        }
    }

    // Older commits go once nobody has read them for the retention, and the oldest beyond MaxRetired at once.
    private void Prune()
    {
        var now = _time.GetUtcNow();
        for (var i = _retired.Count - 1; i >= 0; i--)
        {
            var retired = _retired[i];
            if (_retired.Count - i > MaxRetired || (!retired.InUse && now - retired.LastUsed > ReplicationSettings.Retention))
            {
                retired.Retire();
                _retired.RemoveAt(i);
            }
        }
    }
}
