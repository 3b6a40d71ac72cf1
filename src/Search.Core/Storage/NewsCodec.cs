using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Search.Core.Storage;

/// <summary>The index format our writers use: Lucene 4.6's, with stored fields compressed in chunks of <see cref="ChunkBytes"/> instead of 16 KiB.</summary>
/// <remarks>
/// #6, sixth round: every search loads its ten hits' stored fields, and Lucene decompresses a document's chunk from its
/// start up to the end of that document, so with 16 KiB chunks (four or five articles) a hit cost the decompression of
/// two to three articles. With 4 KiB chunks (most articles alone in theirs) loading a random article of the news corpus
/// took 37 µs instead of 88 µs, for 9% more stored bytes (65 MB instead of 59 MB). Everything else is Lucene 4.6's.
/// An index of the plain Lucene 4.6 codec stays readable; this codec is registered with Lucene's codec factory when
/// this assembly loads, so every process that reads our indexes (the API, the CLI, the tests) can open its segments.
/// Lucene tools without this assembly (Luke) cannot read the stored fields of its segments.
/// </remarks>
[CodecName(CodecName)]
public sealed class NewsCodec() : FilterCodec(new Lucene46Codec())
{
    /// <summary>The codec's name, written into every segment it writes.</summary>
    public const string CodecName = "NewsSearch46";

    /// <summary>The size of a compressed chunk of stored fields, in bytes of input.</summary>
    public const int ChunkBytes = 4 * 1024;

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("NewsSearchStoredFields", CompressionMode.FAST, ChunkBytes);

    /// <summary>The one instance writers are configured with.</summary>
    public static NewsCodec Instance { get; } = new();

    /// <inheritdoc />
    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

#pragma warning disable CA2255 // An index this assembly writes is unreadable until the codec is registered, so every process that loads it registers it.
    [ModuleInitializer]
    internal static void Register() => Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(NewsCodec)] });
#pragma warning restore CA2255
}
