using System.Globalization;
using Microsoft.Win32.SafeHandles;
using Search.Api.Contracts.Replication;
using Search.Core.Replication;

namespace Search.Api.Replication;

/// <summary>
/// One commit a primary serves (#19): its manifest and a read handle on each of its files, opened when the commit was
/// read. Lucene never rewrites a file and never reuses a name within a folder, so the bytes behind a handle are the
/// commit's for as long as it is held, even after the indexer has deleted the file: the handle keeps it on disk.
/// </summary>
/// <remarks>
/// Counted like a searcher generation: 1 for being published, one per open stream. <see cref="Retire"/> drops the first;
/// the handles close when the last stream is disposed.
/// </remarks>
internal sealed class ServedCommit
{
    private readonly Dictionary<string, ServedFile> _files;
    private readonly TimeProvider _time;
    private int _references = 1;
    private long _lastUsedTicks;

    private ServedCommit(string path, ReplicationManifestResponse manifest, Dictionary<string, ServedFile> files, TimeProvider time)
    {
        Path = path;
        Manifest = manifest;
        _files = files;
        _time = time;
        Touch();
    }

    /// <summary>The generation folder (full path).</summary>
    public string Path { get; }

    /// <summary>What followers are told about the commit.</summary>
    public ReplicationManifestResponse Manifest { get; }

    /// <summary>The commit's id, which file requests name.</summary>
    public string Id => Manifest.Commit;

    /// <summary>N of its <c>segments_N</c>.</summary>
    public long CommitGeneration => Manifest.CommitGeneration;

    /// <summary>True while a stream of one of its files is open.</summary>
    public bool InUse => Volatile.Read(ref _references) > 1;

    /// <summary>When a file of it was last opened or closed (or it was read).</summary>
    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>Reads the latest commit of <paramref name="generationPath"/> and opens its files; null when the folder holds no commit.</summary>
    /// <exception cref="FileNotFoundException">A file went away while the commit was read: a newer commit replaced it; read again.</exception>
    /// <exception cref="IOException">The commit or a file cannot be read, or a file has no Lucene footer.</exception>
    public static ServedCommit? Open(string generationPath, TimeProvider time)
    {
        var listing = CommitFiles.ReadLatest(generationPath);
        if (listing is null)
        {
            return null;
        }

        var handles = new Dictionary<string, SafeFileHandle>(StringComparer.Ordinal);
        try
        {
            // The names come from the commit, never from a request. Shared for deletion, as the searcher's own reads are.
            foreach (var name in listing.FileNames)
            {
                handles[name] = File.OpenHandle(
                    System.IO.Path.Combine(generationPath, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }

            // Described once every handle is open: a name is never reused, so this is the file the handle holds.
            var described = CommitFiles.Describe(generationPath, listing.FileNames);
            var files = new Dictionary<string, ServedFile>(StringComparer.Ordinal);
            foreach (var file in described)
            {
                var handle = handles[file.Name];
                if (RandomAccess.GetLength(handle) != file.Length)
                {
                    throw new IOException($"{file.Name} changed length while the commit was read.");
                }

                files[file.Name] = new ServedFile(handle, file.Length, string.Create(CultureInfo.InvariantCulture, $"\"{file.Checksum:x8}-{file.Length:x}\""));
            }

            var generation = System.IO.Path.GetFileName(generationPath);
            var manifest = new ReplicationManifestResponse(
                $"{generation}.{listing.SegmentsFileName}",
                generation,
                listing.Generation,
                listing.SegmentsFileName,
                listing.SchemaVersion,
                listing.Analysis,
                [.. described.Select(f => new ReplicatedFileResponse(f.Name, f.Length, f.Checksum))]);
            return new ServedCommit(generationPath, manifest, files, time);
        }
        catch
        {
            foreach (var handle in handles.Values)
            {
                handle.Dispose();
            }

            throw;
        }
    }

    /// <summary>A stream of the file <paramref name="name"/> of this commit, or null when it has no such file or is closed.</summary>
    public ServedFileStream? TryOpen(string name)
    {
        if (!_files.TryGetValue(name, out var file) || !TryAcquire())
        {
            return null;
        }

        Touch();
        return new ServedFileStream(file.Handle, file.Length, file.EntityTag, () =>
        {
            Touch();
            Release();
        });
    }

    /// <summary>Drops the published reference: no new stream opens; the handles close after the last open one.</summary>
    public void Retire() => Release();

    private bool TryAcquire()
    {
        int references;
        do
        {
            references = Volatile.Read(ref _references);
            if (references <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _references, references + 1, references) != references);

        return true;
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            foreach (var file in _files.Values)
            {
                file.Handle.Dispose();
            }
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastUsedTicks, _time.GetUtcNow().UtcTicks);

    private sealed record ServedFile(SafeFileHandle Handle, long Length, string EntityTag);
}
