using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>The tokens of one run of a token stream, kept compactly so that <see cref="TokenReplay"/> can play them again.</summary>
/// <remarks>
/// Keeps what the shared steps of the <c>news</c> chain set on a token (term, position increment, offsets, type: the
/// tokenizer clears every other attribute) and what <see cref="TokenStream.End"/> leaves (final offset and position
/// increment). Reused from text to text: the arrays only grow.
/// </remarks>
internal sealed class TokenBuffer
{
    private char[] _chars = new char[4096];
    private int[] _termStarts = new int[512];
    private int[] _termLengths = new int[512];
    private int[] _increments = new int[512];
    private int[] _startOffsets = new int[512];
    private int[] _endOffsets = new int[512];
    private string[] _types = new string[512];
    private int _charCount;

    public int Count { get; private set; }

    public int FinalOffset { get; private set; }

    public int FinalIncrement { get; private set; }

    /// <summary>Runs <paramref name="stream"/> (not yet reset) to its end and keeps its tokens instead of the previous ones.</summary>
    public void Fill(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        Count = 0;
        _charCount = 0;
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (Count == _termStarts.Length)
            {
                Grow();
            }

            var length = term.Length;
            if (_charCount + length > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + length));
            }

            Array.Copy(term.Buffer, 0, _chars, _charCount, length);
            _termStarts[Count] = _charCount;
            _termLengths[Count] = length;
            _increments[Count] = increment.PositionIncrement;
            _startOffsets[Count] = offset.StartOffset;
            _endOffsets[Count] = offset.EndOffset;
            _types[Count] = type.Type;
            _charCount += length;
            Count++;
        }

        stream.End();
        FinalOffset = offset.EndOffset;
        FinalIncrement = increment.PositionIncrement;
    }

    /// <summary>Sets the attributes to token <paramref name="index"/>.</summary>
    public void Copy(int index, ICharTermAttribute term, IPositionIncrementAttribute increment, IOffsetAttribute offset, ITypeAttribute type)
    {
        term.CopyBuffer(_chars, _termStarts[index], _termLengths[index]);
        increment.PositionIncrement = _increments[index];
        offset.SetOffset(_startOffsets[index], _endOffsets[index]);
        type.Type = _types[index];
    }

    private void Grow()
    {
        var size = _termStarts.Length * 2;
        Array.Resize(ref _termStarts, size);
        Array.Resize(ref _termLengths, size);
        Array.Resize(ref _increments, size);
        Array.Resize(ref _startOffsets, size);
        Array.Resize(ref _endOffsets, size);
        Array.Resize(ref _types, size);
    }
}
