using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// The heavy stems (<see cref="RootStemFilter"/>) of a position's forms that none of its light stems
/// (<see cref="NewsStemFilter"/>) already is: what <c>body.root</c> indexes.
/// </summary>
/// <remarks>
/// #17: on news, five heavy stems in six equal a light stem at the same position, so indexing them all wrote the body a
/// third time for little. A query looks a word's heavy stems up in <c>body.root</c>, and also in <c>body</c> those that
/// are not among its own light stems (see the query parser), which finds every article the full field found. Takes
/// the output of <see cref="ProcliticVariantFilter"/> (a word and, at the same position, its forms without a
/// proclitic); a position whose heavy stems are all light stems emits nothing, and its position increment passes to the
/// next token emitted. Keywords are their own stems.
/// </remarks>
public sealed class RootOnlyFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IKeywordAttribute _keyword;

    // The forms of the position being read (term text, keyword flag), and the heavy stems to emit for it.
    private readonly List<(string Term, bool Keyword)> _forms = [];
    private readonly List<string> _pending = [];
    private int _pendingNext;
    private int _carriedIncrement;
    private State? _lookahead;
    private State? _position;
    private bool _exhausted;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public RootOnlyFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        while (_pendingNext >= _pending.Count)
        {
            if (!ReadPosition())
            {
                return false;
            }
        }

        // The attributes of the position's word (offsets, type), whatever the input read after it.
        RestoreState(_position);
        var root = _pending[_pendingNext];
        _term.SetEmpty().Append(root);
        _increment.PositionIncrement = _pendingNext == 0 ? _carriedIncrement : 0;
        _keyword.IsKeyword = false;
        if (++_pendingNext == 1)
        {
            _carriedIncrement = 0;
        }

        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _forms.Clear();
        _pending.Clear();
        _pendingNext = 0;
        _carriedIncrement = 0;
        _lookahead = null;
        _position = null;
        _exhausted = false;
    }

    // Reads the next position's forms (a token and those stacked on it) and works out its heavy stems to emit; false at the end.
    private bool ReadPosition()
    {
        _forms.Clear();
        _pending.Clear();
        _pendingNext = 0;
        if (_lookahead is not null)
        {
            RestoreState(_lookahead);
            _lookahead = null;
        }
        else if (_exhausted || !m_input.IncrementToken())
        {
            _exhausted = true;
            return false;
        }

        var increment = _increment.PositionIncrement;
        _position = CaptureState();
        _forms.Add((_term.ToString(), _keyword.IsKeyword));
        while (m_input.IncrementToken())
        {
            if (_increment.PositionIncrement > 0)
            {
                _lookahead = CaptureState();
                break;
            }

            _forms.Add((_term.ToString(), _keyword.IsKeyword));
        }

        if (_lookahead is null)
        {
            _exhausted = true;
        }

        _carriedIncrement += increment;
        foreach (var (term, keyword) in _forms)
        {
            var root = keyword ? term : RootStemFilter.Stem(term);
            if (!_pending.Contains(root) && !_forms.Any(form => (form.Keyword ? form.Term : NewsStemFilter.Stem(form.Term)) == root))
            {
                _pending.Add(root);
            }
        }

        return true;
    }
}
