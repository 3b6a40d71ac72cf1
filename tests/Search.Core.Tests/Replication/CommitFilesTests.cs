using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Replication;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Core.Tests.Replication;

public sealed class CommitFilesTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "commit-files-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AFolderWithoutACommitHasNone()
    {
        var listing = CommitFiles.ReadLatest(_folder);

        Assert.Null(listing);
        Assert.Equal(-1, CommitFiles.LatestGeneration(_folder));
        Assert.Null(CommitFiles.ReadLatest(Path.Combine(_folder, "missing")));
    }

    [Fact]
    public void ListsTheLatestCommitWithItsSchemaVersionAndEveryFileItNeeds()
    {
        Commit("first");
        Commit("second");

        var listing = CommitFiles.ReadLatest(_folder)!;

        Assert.Equal(2, listing.Generation);
        Assert.Equal("segments_2", listing.SegmentsFileName);
        Assert.Equal(2, CommitFiles.LatestGeneration(_folder));
        Assert.Equal(IndexVersion.Schema, listing.SchemaVersion);
        Assert.Equal("news", listing.Analysis);
        Assert.Contains("segments_2", listing.FileNames);
        Assert.DoesNotContain("segments.gen", listing.FileNames);
        Assert.DoesNotContain("segments_1", listing.FileNames); // the older commit was deleted with its own files
        Assert.Equal(listing.FileNames.Order(StringComparer.Ordinal), listing.FileNames);
        Assert.All(listing.FileNames, name => Assert.True(File.Exists(Path.Combine(_folder, name)), name));
    }

    [Fact]
    public void DescribesAFileByItsLengthAndTheChecksumInItsFooterAndVerifiesItsBytes()
    {
        Commit("one");
        var name = CommitFiles.ReadLatest(_folder)!.SegmentsFileName;

        var described = CommitFiles.Describe(_folder, [name]).Single();
        var verified = CommitFiles.TryVerify(_folder, name, out var checksum, out var problem);

        Assert.Equal(new FileInfo(Path.Combine(_folder, name)).Length, described.Length);
        Assert.True(verified, problem);
        Assert.Equal(described.Checksum, checksum);
    }

    [Fact]
    public void AFlippedByteFailsTheCheckButNotTheFooter()
    {
        Commit("one");
        var listing = CommitFiles.ReadLatest(_folder)!;
        var name = listing.FileNames.MaxBy(n => new FileInfo(Path.Combine(_folder, n)).Length)!;
        var path = Path.Combine(_folder, name);
        var expected = CommitFiles.Describe(_folder, [name]).Single();
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var footer = CommitFiles.Describe(_folder, [name]).Single();
        var verified = CommitFiles.TryVerify(_folder, name, out _, out var problem);

        Assert.Equal(expected, footer); // the footer still says what was written...
        Assert.False(verified);         // ... and the bytes no longer match it
        Assert.Contains("checksum", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AFileWithoutALuceneFooterCannotBeDescribed()
    {
        File.WriteAllText(Path.Combine(_folder, "plain.txt"), "no footer here, not even sixteen bytes of one");

        Assert.ThrowsAny<IOException>(() => CommitFiles.Describe(_folder, ["plain.txt"]));
        Assert.False(CommitFiles.TryVerify(_folder, "plain.txt", out _, out _));
        Assert.Throws<FileNotFoundException>(() => CommitFiles.Describe(_folder, ["missing"]));
    }

    private void Commit(string text)
    {
        using var directory = FSDirectory.Open(_folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, new WhitespaceAnalyzer(IndexVersion.Lucene))
        {
            Codec = NewsCodec.Instance,
        });
        writer.AddDocument([new TextField("body", text, Field.Store.YES)]);
        writer.SetCommitData(IndexSchema.CommitData());
        writer.Commit();
    }
}
