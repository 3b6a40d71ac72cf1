using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Search.Core.Dedup;

/// <summary>A body's <see cref="StorySignature"/> as a binary doc-values field, computed when the index writer reads it.</summary>
/// <remarks>
/// #21: the indexer maps articles on its one reading thread and analyzes them on several writer threads; computing the
/// signature there (about 0.1 ms an article) made the reading thread the slower side. The writer asks for the value on
/// the thread that indexes the document, so the work spreads over the writer threads. A body too short for a signature
/// gets an empty value, which readers skip.
/// </remarks>
public sealed class StorySignatureField : Field
{
    private readonly string _body;
    private BytesRef? _value;

    /// <summary>A field named <paramref name="name"/> holding the signature of <paramref name="body"/>.</summary>
    public StorySignatureField(string name, string body)
        : base(name, BinaryDocValuesField.TYPE)
    {
        _body = body;
    }

    /// <inheritdoc />
    public override BytesRef GetBinaryValue() => _value ??= new BytesRef(StorySignature.Compute(_body) ?? []);
}
