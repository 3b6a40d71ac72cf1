using Lucene.Net.Analysis.Core;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

/// <summary>Our index format: Lucene 4.6's with small stored-field chunks, registered so that any reader can open it.</summary>
public sealed class NewsCodecTests : IDisposable
{
    private readonly DirectoryInfo _root = System.IO.Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "news-codec-tests-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void IsFoundByNameAndStoresInSmallChunks()
    {
        Assert.IsType<NewsCodec>(Codec.ForName(NewsCodec.CodecName));
        Assert.Contains($"chunkSize={NewsCodec.ChunkBytes}", NewsCodec.Instance.StoredFieldsFormat.ToString(), StringComparison.Ordinal);
        Assert.Equal(NewsCodec.CodecName, NewsCodec.Instance.Name);
        Assert.Equal(new Lucene46Codec().PostingsFormat.Name, NewsCodec.Instance.PostingsFormat.Name);
    }

    [Fact]
    public void SegmentsOfBothCodecsInOneIndexReadBackAndCheckClean()
    {
        // An index first written with the plain codec, then appended to with ours (documents above and below a chunk):
        // stored fields come back byte for byte through the map and through positional reads.
        var texts = Enumerable.Range(0, 300).Select(Text).ToList();
        Write(new Lucene46Codec(), texts.Take(100), create: true);
        Write(NewsCodec.Instance, texts.Skip(100), create: false);

        using var mapped = new MappedDirectory(_root);
        var infos = new SegmentInfos();
        infos.Read(mapped);
        Assert.Equal(["Lucene46", NewsCodec.CodecName], infos.Segments.Select(segment => segment.Info.Codec.Name).Distinct().Order(StringComparer.Ordinal));

        foreach (var directory in new Lucene.Net.Store.Directory[] { mapped, new NIOFSDirectory(_root) })
        {
            using var reader = DirectoryReader.Open(directory);
            var stored = Enumerable.Range(0, reader.MaxDoc).Select(doc => reader.Document(doc)).ToDictionary(d => int.Parse(d.Get("id"), System.Globalization.CultureInfo.InvariantCulture), d => d.Get("body"));
            Assert.Equal(texts.Count, stored.Count);
            Assert.All(stored, pair => Assert.Equal(texts[pair.Key], pair.Value));
        }

        Assert.True(new CheckIndex(mapped).DoCheckIndex().Clean);
    }

    // Texts from a few words to several chunks long (Arabic, so two bytes per character in UTF-8).
    private static string Text(int i) =>
        $"{i} " + string.Concat(Enumerable.Repeat($"خبر رقم {i} عن الاقتصاد والسياسة ", 1 + (i * 37 % 500)));

    private void Write(Codec codec, IEnumerable<string> texts, bool create)
    {
        using var directory = FSDirectory.Open(_root);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Codec = codec,
            OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
            MaxBufferedDocs = 60,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var text in texts)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", text[..text.IndexOf(' ', StringComparison.Ordinal)], Field.Store.YES),
                new TextField("body", text, Field.Store.YES),
            });
        }

        writer.Commit();
    }
}
