using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>Replaces each term not marked as a keyword by its stem: the token plumbing shared by our stemmers.</summary>
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
            var stem = StemOf(_term.ToString());
            if (stem.Length != _term.Length)
            {
                _term.SetEmpty().Append(stem);
            }
        }

        return true;
    }

    /// <summary>The stem of one normalized word (the word itself when nothing is stripped).</summary>
    protected abstract string StemOf(string word);
}
