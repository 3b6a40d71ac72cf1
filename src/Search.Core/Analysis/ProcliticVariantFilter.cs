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
    private readonly IKeywordAttribute _keyword;
    private readonly Queue<string> _pending = new();
    private State? _state;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ProcliticVariantFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_pending.Count > 0 && _state is not null)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending.Dequeue());
            _increment.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            foreach (var variant in Variants(_term.ToString()))
            {
                _pending.Enqueue(variant);
            }

            if (_pending.Count > 0)
            {
                _state = CaptureState();
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _state = null;
    }

    /// <summary>The forms of <paramref name="word"/> without its one-letter proclitics (none, one or two).</summary>
    public static IReadOnlyList<string> Variants(string word)
    {
        var variants = new List<string>(2);
        var rest = word;
        if (rest.Length >= MinRest + 1 && rest[0] is 'و' or 'ف')
        {
            rest = rest[1..];
            if (!rest.StartsWith("ال", StringComparison.Ordinal))
            {
                variants.Add(rest);
            }
        }

        if (rest.Length >= MinRest + 1 && rest[0] is 'ب' or 'ل' && !rest.StartsWith("لل", StringComparison.Ordinal))
        {
            var bare = rest[1..];
            if (!bare.StartsWith("ال", StringComparison.Ordinal))
            {
                variants.Add(bare);
            }
        }

        return variants;
    }
}
