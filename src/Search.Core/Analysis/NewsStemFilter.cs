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
    protected override (int Start, int Length) StemOf(ReadOnlySpan<char> word) => StemRange(word);

    /// <summary>The stem of one normalized word.</summary>
    public static string Stem(string word)
    {
        var (start, length) = StemRange(word);
        return word.Substring(start, length);
    }

    /// <summary>The word without its definite article and the particles attached to it (والكتاب → كتاب).</summary>
    public static string StripArticle(string word) => word[ArticleLength(word)..];

    /// <summary>Where the stem of <paramref name="word"/> lies in it.</summary>
    internal static (int Start, int Length) StemRange(ReadOnlySpan<char> word)
    {
        var start = ArticleLength(word);
        var length = word.Length - start;
        for (var round = 0; round < 2; round++)
        {
            var stripped = false;
            foreach (var suffix in Suffixes)
            {
                if (length >= suffix.Length + MinStem && word.Slice(start, length).EndsWith(suffix, StringComparison.Ordinal))
                {
                    length -= suffix.Length;
                    stripped = true;
                    break;
                }
            }

            if (!stripped)
            {
                break;
            }
        }

        return (start, length);
    }

    /// <summary>The length of the definite article (and its particles) that starts <paramref name="word"/>, 0 when none is stripped.</summary>
    internal static int ArticleLength(ReadOnlySpan<char> word)
    {
        foreach (var prefix in Prefixes)
        {
            // The article may leave two letters (الله → له, as the stock stemmer does): short nouns are common.
            if (word.Length >= prefix.Length + 2 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix.Length;
            }
        }

        return 0;
    }
}
