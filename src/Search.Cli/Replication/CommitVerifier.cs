using Lucene.Net.Index;
using Search.Api.Contracts.Replication;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Cli.Replication;

/// <summary>Lucene's own check of a copied commit before it may go live: opened as a searcher opens it, every segment's checksums verified.</summary>
internal static class CommitVerifier
{
    /// <summary>
    /// Opens the commit in <paramref name="folder"/> and checks that it is the one <paramref name="manifest"/> names
    /// (its <c>segments_N</c> and exactly its files), of this build's schema version, and that every segment's files
    /// match their checksums (<c>CheckIntegrity</c>, which reads them through). Returns the live document count.
    /// </summary>
    /// <exception cref="ReplicationException">Any of it does not hold.</exception>
    public static int Verify(string folder, ReplicationManifestResponse manifest)
    {
        try
        {
            using var directory = new MappedDirectory(new DirectoryInfo(folder));
            using var reader = DirectoryReader.Open(directory);
            var commit = reader.IndexCommit;
            if (commit.SegmentsFileName != manifest.SegmentsFile)
            {
                throw Failed($"it opened as {commit.SegmentsFileName}, not {manifest.SegmentsFile}");
            }

            var expected = manifest.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            if (!expected.SetEquals(commit.FileNames))
            {
                throw Failed($"its files are not the manifest's ({string.Join(", ", commit.FileNames.Except(expected).Concat(expected.Except(commit.FileNames)))})");
            }

            if (IndexSchema.Check(commit, folder) is { } problem)
            {
                throw Failed(problem);
            }

            foreach (var leaf in reader.Leaves)
            {
                leaf.AtomicReader.CheckIntegrity();
            }

            return reader.NumDocs;
        }
        catch (IOException e)
        {
            // CorruptIndexException and a missing file are IOExceptions too.
            throw Failed(e.Message);
        }
    }

    private static ReplicationException Failed(string why) =>
        new($"Lucene's check of the copied commit failed: {why}. The replica is unchanged.");
}
