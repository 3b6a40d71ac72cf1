using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Tests.Storage;

public sealed class MappedDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _root = System.IO.Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "mapped-directory-tests", Guid.NewGuid().ToString("N")));

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void ReadsBackEveryKindOfValueLuceneWrites()
    {
        WriteFile("values", output =>
        {
            output.WriteByte(0xAB);
            output.WriteInt16(-12345);
            output.WriteInt32(int.MinValue + 7);
            output.WriteInt64(long.MaxValue - 3);
            foreach (var value in new[] { 0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1 })
            {
                output.WriteVInt32(value);
            }

            foreach (var value in new[] { 0L, 127L, 128L, 1L << 35, long.MaxValue })
            {
                output.WriteVInt64(value);
            }

            output.WriteString("غزة والقدس");
            output.WriteBytes([1, 2, 3, 4, 5], 5);
        });

        using var directory = new MappedDirectory(_root);
        using var input = directory.OpenInput("values", IOContext.DEFAULT);

        Assert.Equal(0xAB, input.ReadByte());
        Assert.Equal(-12345, input.ReadInt16());
        Assert.Equal(int.MinValue + 7, input.ReadInt32());
        Assert.Equal(long.MaxValue - 3, input.ReadInt64());
        Assert.Equal(new[] { 0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1 }, Enumerable.Range(0, 8).Select(_ => input.ReadVInt32()));
        Assert.Equal(new[] { 0L, 127L, 128L, 1L << 35, long.MaxValue }, Enumerable.Range(0, 5).Select(_ => input.ReadVInt64()));
        Assert.Equal("غزة والقدس", input.ReadString());
        var bytes = new byte[7];
        input.ReadBytes(bytes, 1, 5);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5, 0 }, bytes);
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void ReadingOrSeekingPastTheEndThrowsEndOfStream()
    {
        WriteFile("short", output => output.WriteBytes([1, 2, 3], 3));
        using var directory = new MappedDirectory(_root);
        using var input = directory.OpenInput("short", IOContext.DEFAULT);

        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Equal(0, input.Position);
        input.Seek(3);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.Seek(4));
        input.Seek(1);
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[3], 0, 3));
        Assert.Throws<EndOfStreamException>(() => input.SkipBytes(3));
        input.SkipBytes(2);
        Assert.Equal(3, input.Position);
    }

    [Fact]
    public void ClonesReadIndependentlyAndFailCleanlyOnceTheOriginalIsClosed()
    {
        WriteFile("data", output => output.WriteBytes([10, 20, 30, 40], 4));
        using var directory = new MappedDirectory(_root);
        var input = directory.OpenInput("data", IOContext.DEFAULT);
        input.Seek(1);

        var clone = (IndexInput)input.Clone();
        Assert.Equal(20, clone.ReadByte());
        Assert.Equal(30, clone.ReadByte());
        Assert.Equal(20, input.ReadByte());
        clone.Dispose(); // a clone does not own the mapping
        Assert.Equal(30, input.ReadByte());

        var other = (IndexInput)input.Clone();
        input.Dispose();
        Assert.Throws<ObjectDisposedException>(() => other.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => other.Seek(0));
        Assert.Throws<ObjectDisposedException>(() => other.Clone());
    }

    [Fact]
    public void StoredFieldsAreReadWithPositionalReadsThatBehaveTheSame()
    {
        // Several buffers long (StoredFieldsBufferSize, 8 KiB), so reads cross refills, starting 4 bytes before a buffer
        // boundary; ".fdt" is the stored-fields extension.
        var bytes = Enumerable.Range(0, 40_000).Select(i => (byte)(i * 7)).ToArray();
        WriteFile("_0.fdt", output =>
        {
            output.WriteBytes(bytes, bytes.Length);
            output.WriteVInt64(long.MaxValue);
        });

        using var directory = new MappedDirectory(_root);
        var input = directory.OpenInput("_0.fdt", IOContext.DEFAULT);
        Assert.DoesNotContain("MappedIndexInput", input.ToString(), StringComparison.Ordinal);

        input.Seek(16_380);
        var clone = (IndexInput)input.Clone();
        var read = new byte[20_000];
        clone.ReadBytes(read, 0, read.Length);
        Assert.Equal(bytes.AsSpan(16_380, 20_000).ToArray(), read);
        Assert.Equal(bytes[16_380], input.ReadByte());
        input.Seek(bytes.Length);
        Assert.Equal(long.MaxValue, input.ReadVInt64());
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());

        input.Dispose();
        Assert.Throws<ObjectDisposedException>(() =>
        {
            clone.Seek(0);
            clone.ReadByte();
        });
    }

    [Fact]
    public void AnEmptyFileIsAnEmptyInput()
    {
        WriteFile("empty", _ => { });
        using var directory = new MappedDirectory(_root);
        using var input = directory.OpenInput("empty", IOContext.DEFAULT);

        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void AMissingFileIsFileNotFound()
    {
        using var directory = new MappedDirectory(_root);

        Assert.Throws<FileNotFoundException>(() => directory.OpenInput("absent", IOContext.DEFAULT));
    }

    [Fact]
    public void SlicesAreWindowsBoundedByTheirLength()
    {
        WriteFile("compound", output => output.WriteBytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10));
        using var directory = new MappedDirectory(_root);
        using var slicer = directory.CreateSlicer("compound", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("inner", 4, 3);

        Assert.Equal(3, slice.Length);
        Assert.Equal(4, slice.ReadByte());
        slice.Seek(2);
        Assert.Equal(6, slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("outside", 8, 3));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnIndexReadThroughTheMapSearchesAndChecksAsThroughPositionalReads(bool compound)
    {
        using (var writing = FSDirectory.Open(_root))
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
            {
                UseCompoundFile = compound,
                MaxBufferedDocs = 50, // several segments
            };
            using var writer = new IndexWriter(writing, config);
            for (var i = 0; i < 400; i++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField("body", $"word{i % 7} common text number {i} " + new string('x', i % 50), Field.Store.YES),
                    new NumericDocValuesField("rank", i),
                });
            }

            writer.Commit();
        }

        using var mapped = new MappedDirectory(_root);
        using var positional = new NIOFSDirectory(_root);
        Assert.Equal(Describe(positional), Describe(mapped));

        var check = new CheckIndex(mapped).DoCheckIndex();
        Assert.True(check.Clean);
        Assert.Equal(compound, SegmentInfos(mapped).Any(segment => segment.Info.UseCompoundFile));
    }

    private static string Describe(LuceneDirectory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var top = searcher.Search(new TermQuery(new Term("body", "word3")), 100);
        var rank = MultiDocValues.GetNumericValues(reader, "rank");
        return string.Join(";", top.ScoreDocs.Select(hit =>
            $"{searcher.Doc(hit.Doc).Get("id")}:{hit.Score:R}:{searcher.Doc(hit.Doc).Get("body").Length}:{rank.Get(hit.Doc)}"))
            + $"|{top.TotalHits}";
    }

    private static IEnumerable<SegmentCommitInfo> SegmentInfos(LuceneDirectory directory)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos.Segments;
    }

    private void WriteFile(string name, Action<IndexOutput> write)
    {
        using var directory = FSDirectory.Open(_root);
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        write(output);
    }
}
