using Lucene.Net.Analysis;

namespace Search.Core.Analysis;

/// <summary>A heavy Arabic stemmer for the low-weight recall field <c>body.root</c>: closer to the root than <see cref="NewsStemFilter"/>.</summary>
/// <remarks>
/// Works on the output of <see cref="NewsStemFilter"/>'s rules (article stripped) and goes further, for the lexical gap
/// between a question in Modern Standard Arabic and an answer in Classical Arabic (#3, quran-qa): verb and pronoun
/// suffixes (وا تم تن هم هن كم كن نا هما كما تما ا) join the light ones and are stripped up to three times, then an
/// imperfect-verb prefix (ي ت ن) is stripped, always while at least three letters remain: فعقروها (→ عقروها) and
/// عقروا both give عقر, يعلمون and علموا give علم. It conflates more than it should (تراب → راب); the field is
/// a recall channel weighted low, counted only when the light-stemmed and exact fields miss. Keywords are left alone.
/// </remarks>
public sealed class RootStemFilter : WordStemFilter
{
    private const int MinStem = 3;

    private static readonly string[] Suffixes =
        ["هما", "كما", "تما", "وها", "ها", "ان", "ات", "ون", "ين", "يه", "وا", "تم", "تن", "هم", "هن", "كم", "كن", "نا", "ه", "ي", "ا", "و"];

    private static readonly char[] VerbPrefixes = ['ي', 'ت', 'ن'];

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public RootStemFilter(TokenStream input)
        : base(input)
    {
    }

    /// <inheritdoc />
    protected override (int Start, int Length) StemOf(ReadOnlySpan<char> word) => StemRange(word);

    /// <summary>The heavy stem of one normalized word.</summary>
    public static string Stem(string word)
    {
        var (start, length) = StemRange(word);
        return word.Substring(start, length);
    }

    /// <summary>Where the heavy stem of <paramref name="word"/> lies in it.</summary>
    internal static (int Start, int Length) StemRange(ReadOnlySpan<char> word)
    {
        var start = NewsStemFilter.ArticleLength(word);
        var length = word.Length - start;
        for (var round = 0; round < 3; round++)
        {
            var stripped = 0;
            foreach (var suffix in Suffixes)
            {
                // The first suffix of the list that fits, as the list is ordered.
                if (length >= suffix.Length + MinStem && word.Slice(start, length).EndsWith(suffix, StringComparison.Ordinal))
                {
                    stripped = suffix.Length;
                    break;
                }
            }

            if (stripped == 0)
            {
                break;
            }

            length -= stripped;
        }

        if (length > MinStem && Array.IndexOf(VerbPrefixes, word[start]) >= 0)
        {
            start++;
            length--;
        }

        return (start, length);
    }
}
