using Search.Core.Analysis;

namespace Search.Querying.Spelling;

/// <summary>The analysis chain's normalization of Arabic letters, one character at a time, for building candidate spellings.</summary>
/// <remarks>
/// The error model makes hundreds of candidate spellings per word and must normalize each as indexing would, without
/// running a token stream for each. For letters, normalization is per character (hamza seats, alef forms, ى, ة), so the
/// map is taken from <see cref="NewsAnalyzerFactory.NormalizeWord"/> itself, character by character, for the Arabic
/// block: the chain stays defined in one place. Harakat, tatweel and superscript alef map to nothing.
/// </remarks>
internal static class WordNormalizer
{
    private const int First = 0x0600;
    private const int Last = 0x06FF;

    private static readonly char[] Map = Build();

    /// <summary>The normalized form of one Arabic letter (itself outside the Arabic block); '\0' for a mark that normalizes away.</summary>
    public static char Fold(char c) => c is >= (char)First and <= (char)Last ? Map[c - First] : c;

    /// <summary>
    /// The letters of a typed word as the error model edits them: Arabic letters as typed (hamza forms kept), harakat and
    /// tatweel left out; null when the text holds anything else (Latin, digits, punctuation), which is not corrected.
    /// </summary>
    public static string? Letters(ReadOnlySpan<char> text)
    {
        Span<char> letters = stackalloc char[Math.Min(text.Length, ErrorModel.MaxLength + 1)];
        var length = 0;
        foreach (var c in text)
        {
            if (c is < (char)First or > (char)Last || (Fold(c) != '\0' && !char.IsLetter(c)))
            {
                return null;
            }

            if (Fold(c) == '\0')
            {
                continue;
            }

            if (length == letters.Length)
            {
                return null;
            }

            letters[length++] = c;
        }

        return length == 0 ? null : letters[..length].ToString();
    }

    private static char[] Build()
    {
        var map = new char[Last - First + 1];
        for (var code = First; code <= Last; code++)
        {
            var c = (char)code;
            var normalized = NewsAnalyzerFactory.NormalizeWord(c.ToString());
            map[code - First] = normalized.Length switch
            {
                0 => '\0',
                1 => normalized[0],
                _ => c,
            };
        }

        return map;
    }
}
