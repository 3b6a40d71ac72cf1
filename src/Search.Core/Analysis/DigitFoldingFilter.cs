using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Folds Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits to ASCII, so ٢٠١٩ = ۲۰۱۹ = 2019, and the Arabic
/// decimal and thousands separators (U+066B, U+066C) to '.' and ',', so ١٢٫٥ = 12.5.
/// </summary>
/// <remarks>Lucene 4.8 has no DecimalDigitFilter. Each digit maps to one char, so offsets stay exact.</remarks>
public sealed class DigitFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public DigitFoldingFilter(TokenStream input)
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
        for (var i = 0; i < _term.Length; i++)
        {
            buffer[i] = Fold(buffer[i]);
        }

        return true;
    }

    /// <summary>The ASCII digit or separator for an Arabic-Indic or Persian one; any other char unchanged.</summary>
    public static char Fold(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        '\u066B' => '.',
        '\u066C' => ',',
        _ => c,
    };
}
