using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Search.Core.Schema;

namespace Search.Core.Analysis;

/// <summary>Lower-cases terms exactly as Lucene's <c>LowerCaseFilter</c> does, without its cost on Arabic text.</summary>
/// <remarks>
/// #6: Lucene.Net's <c>LowerCaseFilter</c> sends every term through culture-aware case mapping, about a quarter of all
/// indexing CPU on this corpus, although Arabic letters have no case. Terms made only of ASCII and caseless Arabic
/// characters (<see cref="IsCaseless"/>) are mapped here, A–Z to a–z and nothing else; any other term goes through
/// Lucene's own code (<see cref="CharacterUtils.ToLower"/>), so the output is the same for every input. A test
/// compares both on every character of the fast ranges.
/// </remarks>
public sealed class LowerCasingFilter : TokenFilter
{
    private readonly CharacterUtils _fallback = CharacterUtils.GetInstance(IndexVersion.Lucene);
    private readonly ICharTermAttribute _term;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public LowerCasingFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c is >= 'A' and <= 'Z')
            {
                buffer[i] = (char)(c + ('a' - 'A'));
            }
            else if (c >= '\u0080' && !IsCaseless(c))
            {
                // Lower-casing is idempotent, so the ASCII letters already mapped come out the same.
                _fallback.ToLower(buffer, 0, length);
                break;
            }
        }

        return true;
    }

    /// <summary>True for the non-ASCII characters mapped to themselves without asking the culture: the Arabic blocks.</summary>
    /// <remarks>Arabic (U+0600–06FF), Arabic Supplement (U+0750–077F) and the presentation forms (U+FB50–FDFF, U+FE70–FEFE).</remarks>
    public static bool IsCaseless(char c) =>
        c is >= '\u0600' and <= '\u06FF'
            or >= '\u0750' and <= '\u077F'
            or >= '\uFB50' and <= '\uFDFF'
            or >= '\uFE70' and <= '\uFEFE';
}
