using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Core.Replication;

/// <summary>Reads the latest commit of a generation folder and its files' checksums as Lucene wrote them. Read-only.</summary>
/// <remarks>
/// Replication (#19) copies the files of a commit from the machine that indexes to replicas. The primary (the API) and
/// the follower (the CLI) must agree on what a commit is and how a file is checked, and neither references the other,
/// so this lives in Core, beside <see cref="IndexLayout"/>. The checksums are Lucene's own: every file of a Lucene 4.8
/// commit, <c>segments_N</c> included, ends in a footer holding the CRC32 of all the bytes before it.
/// </remarks>
public static class CommitFiles
{
    /// <summary>The generation of the newest <c>segments_N</c> in <paramref name="folder"/>, from a listing; -1 when there is none.</summary>
    public static long LatestGeneration(string folder)
    {
        try
        {
            return SegmentInfos.GetLastCommitGeneration([.. System.IO.Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()]);
        }
        catch (DirectoryNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>The latest commit of <paramref name="folder"/>, or null when the folder holds none.</summary>
    /// <remarks>Lucene's own commit lookup: a <c>segments_N</c> still being written is skipped for the one before it.</remarks>
    /// <exception cref="IOException">The commit or a file it names cannot be read.</exception>
    public static CommitListing? ReadLatest(string folder)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            return null;
        }

        using var directory = Open(folder);
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }

        var infos = new SegmentInfos();
        infos.Read(directory);
        var files = infos.GetFiles(directory, includeSegmentsFile: true).Order(StringComparer.Ordinal).ToList();
        var data = infos.UserData;
        return new CommitListing(
            infos.GetSegmentsFileName(),
            infos.Generation,
            data.TryGetValue(IndexVersion.SchemaKey, out var schema)
                && int.TryParse(schema, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null,
            data.TryGetValue(IndexVersion.AnalysisKey, out var analysis) ? analysis : null,
            files);
    }

    /// <summary>The length and footer checksum of each named file of <paramref name="folder"/>, without reading the files through.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="IOException">A file has no valid Lucene footer (not written by Lucene 4.8 or later, or truncated).</exception>
    public static IReadOnlyList<CommitFile> Describe(string folder, IEnumerable<string> names)
    {
        using var directory = Open(folder);
        var files = new List<CommitFile>();
        foreach (var name in names)
        {
            using var input = directory.OpenInput(name, IOContext.READ_ONCE);
            files.Add(new CommitFile(name, input.Length, CodecUtil.RetrieveChecksum(input)));
        }

        return files;
    }

    /// <summary>
    /// Reads all of a file and checks it against its own footer (Lucene's <c>ChecksumEntireFile</c>): true with the
    /// checksum computed from its bytes, false with the reason when they do not match or the file is too short.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static bool TryVerify(string folder, string name, out long checksum, [NotNullWhen(false)] out string? problem)
    {
        using var directory = Open(folder);
        using var input = directory.OpenInput(name, IOContext.READ_ONCE);
        try
        {
            checksum = CodecUtil.ChecksumEntireFile(input);
            problem = null;
            return true;
        }
        catch (IOException e)
        {
            // Lucene reports a mismatch, a bad footer and a file too short for one as IOExceptions (CorruptIndexException among them).
            checksum = 0;
            problem = e.Message;
            return false;
        }
    }

    // Mapped reads: a checksum reads through the file in 1 KiB steps, a pointer copy each (a locked seek and read
    // each through NIOFSDirectory).
    private static MappedDirectory Open(string folder) => new(new DirectoryInfo(folder));
}
