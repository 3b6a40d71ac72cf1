using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>Replaces each term not marked as a keyword by its stem: the token plumbing shared by our stemmers.</summary>
/// <remarks>A stem is always a slice of its word (affixes come off its ends), so it is cut in the term buffer itself, without a string per token (#6).</remarks>
public abstract class WordStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    protected WordStemFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc />
    public sealed override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            var buffer = _term.Buffer;
            var (start, length) = StemOf(new ReadOnlySpan<char>(buffer, 0, _term.Length));
            if (length != _term.Length)
            {
                Array.Copy(buffer, start, buffer, 0, length);
                _term.SetLength(length);
            }
        }

        return true;
    }

    /// <summary>Where the stem of one normalized word lies in it (the whole word when nothing is stripped).</summary>
    protected abstract (int Start, int Length) StemOf(ReadOnlySpan<char> word);
}
