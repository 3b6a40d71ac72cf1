using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>Adds, at the same position, a word's form without its one-letter proclitics: بغزه also yields غزه, لوزير yields وزير.</summary>
/// <remarks>
/// A leading و ف ب ل may be a proclitic (بغزة "in Gaza") or a root letter (بريطانيا, لبنان, وزير, كتاب), and no
/// rule on the letters alone tells which: stripping it (the stock stemmer does for و) breaks names, keeping it (the stock
/// stemmer does for ب ل ك ف) loses بغزة ≠ غزة (#3). So both forms are indexed, stacked like synonyms, and queries get
/// both too. Since every document gets the same treatment, document frequencies stay honest: the variant بنان of لبنان
/// is as frequent as لبنان itself, so it cannot make a rare, high-IDF match. Patterns: [وف]?[بل] or [وف], leaving at least
/// three letters; words starting with the article after the proclitic are the stemmer's (وال بال لل…), not ours.
/// ك ("like") is left out: rare as a proclitic in news, it starts many words (كتاب would also yield تاب, كوفيد وفيد).
/// </remarks>
public sealed class ProcliticVariantFilter : TokenFilter
{
    private const int MinRest = 3;

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IKeywordAttribute _keyword;

    // The word whose variants are pending and where each variant starts in it: variants are tails of the word (#6:
    // no string, queue or captured state per token).
    private char[] _word = new char[32];
    private readonly int[] _starts = new int[2];
    private int _pendingCount;
    private int _pendingNext;
    private int _wordLength;
    private int _startOffset;
    private int _endOffset;
    private string _tokenType = TypeAttribute.DEFAULT_TYPE;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ProcliticVariantFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_pendingNext < _pendingCount)
        {
            // A variant is the word's token again (same offsets and type; the filters after this one change the term
            // only) with a shorter term, at the same position.
            var start = _starts[_pendingNext++];
            _term.CopyBuffer(_word, start, _wordLength - start);
            _increment.PositionIncrement = 0;
            _offset.SetOffset(_startOffset, _endOffset);
            _type.Type = _tokenType;
            _keyword.IsKeyword = false;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        _pendingCount = _pendingNext = 0;
        if (!_keyword.IsKeyword)
        {
            var length = _term.Length;
            _pendingCount = VariantStarts(new ReadOnlySpan<char>(_term.Buffer, 0, length), _starts);
            if (_pendingCount > 0)
            {
                if (_word.Length < length)
                {
                    _word = new char[Math.Max(length, _word.Length * 2)];
                }

                Array.Copy(_term.Buffer, _word, length);
                _wordLength = length;
                _startOffset = _offset.StartOffset;
                _endOffset = _offset.EndOffset;
                _tokenType = _type.Type;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _pendingCount = _pendingNext = 0;
    }

    /// <summary>The forms of <paramref name="word"/> without its one-letter proclitics (none, one or two).</summary>
    public static IReadOnlyList<string> Variants(string word)
    {
        Span<int> starts = stackalloc int[2];
        var count = VariantStarts(word, starts);
        var variants = new List<string>(2);
        for (var i = 0; i < count; i++)
        {
            variants.Add(word[starts[i]..]);
        }

        return variants;
    }

    // Where each variant of the word starts in it; returns how many there are (0 to 2).
    private static int VariantStarts(ReadOnlySpan<char> word, Span<int> starts)
    {
        var count = 0;
        var rest = 0;
        if (word.Length - rest >= MinRest + 1 && word[rest] is 'و' or 'ف')
        {
            rest++;
            if (!word[rest..].StartsWith("ال", StringComparison.Ordinal))
            {
                starts[count++] = rest;
            }
        }

        if (word.Length - rest >= MinRest + 1 && word[rest] is 'ب' or 'ل' && !word[rest..].StartsWith("لل", StringComparison.Ordinal))
        {
            var bare = rest + 1;
            if (!word[bare..].StartsWith("ال", StringComparison.Ordinal))
            {
                starts[count++] = bare;
            }
        }

        return count;
    }
}
