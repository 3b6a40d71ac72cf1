using Lucene.Net.Analysis;

namespace Search.Core.Analysis;

/// <summary>A light Arabic stemmer that keeps at least three letters and never strips a lone و: the <c>news</c> profile's stemmer.</summary>
/// <remarks>
/// Works on normalized text (ة → ه, ى → ي, hamza seats folded). Compared with Lucene's <c>ArabicStemmer</c> (#3):
/// <list type="bullet">
/// <item>the definite article with its attached particles (ال وال بال كال فال لل ولل فلل وبال فبال وكال فكال) is stripped
/// as before, but a lone و is not: وزير, واشنطن, وكالة stay whole (the stock stemmer makes them زير, اشنطن, كاله);
/// one-letter proclitics are handled by <see cref="ProcliticVariantFilter"/> instead;</item>
/// <item>suffixes (ها ان ات ون ين يه ه ي) are stripped up to twice, so فلسطين, فلسطيني, فلسطينيه, فلسطينيون share
/// one stem, but only while at least three letters remain (the stock stemmer stops at two: وزاره → زار).</item>
/// </list>
/// Tokens marked as keywords are left alone.
/// </remarks>
public sealed class NewsStemFilter : WordStemFilter
{
    private const int MinStem = 3;

    private static readonly string[] Prefixes =
        ["وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"];

    private static readonly string[] Suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public NewsStemFilter(TokenStream input)
        : base(input)
    {
    }

    /// <inheritdoc />
    protected override string StemOf(string word) => Stem(word);

    /// <summary>The stem of one normalized word.</summary>
    public static string Stem(string word)
    {
        word = StripArticle(word);
        for (var round = 0; round < 2; round++)
        {
            var stripped = false;
            foreach (var suffix in Suffixes)
            {
                if (word.Length >= suffix.Length + MinStem && word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    word = word[..^suffix.Length];
                    stripped = true;
                    break;
                }
            }

            if (!stripped)
            {
                break;
            }
        }

        return word;
    }

    /// <summary>The word without its definite article and the particles attached to it (والكتاب → كتاب).</summary>
    public static string StripArticle(string word)
    {
        foreach (var prefix in Prefixes)
        {
            // The article may leave two letters (الله → له, as the stock stemmer does): short nouns are common.
            if (word.Length >= prefix.Length + 2 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return word[prefix.Length..];
            }
        }

        return word;
    }
}
