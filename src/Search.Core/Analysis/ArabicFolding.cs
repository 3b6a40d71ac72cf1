using System.Text;

namespace Search.Core.Analysis;

/// <summary>Character folding the stock <c>ArabicNormalizer</c> lacks, applied as a char filter before tokenizing (offsets stay exact).</summary>
/// <remarks>
/// #3: the stock chain leaves these apart, so one word spelled two ways never matches:
/// <list type="bullet">
/// <item>presentation forms and ligatures (U+FB50–FDFF, U+FE70–FEFF) → their compatibility decomposition (NFKC), e.g. ﻻ → لا;</item>
/// <item>alef wasla ٱ → ا; superscript (dagger) alef U+0670 removed, as modern spelling writes هذا, الرحمن;</item>
/// <item>hamza on waw ؤ and on yeh ئ → ء, so مسؤول = مسئول (both are current spellings of one word);</item>
/// <item>Persian (farsi) yeh ی → ي, keheh ک → ك (Persian keyboards);</item>
/// <item>tanween alef: اً and ًا at the end of a word removed, so اتصالاً = اتصال and عاماً = عام.</item>
/// </list>
/// Underscores become spaces (hashtags: #كأس_العالم is two words).
/// </remarks>
public static class ArabicFolding
{
    private static readonly Lazy<FoldingMap> NewsMap = new(() => new FoldingMap(Rules(news: true)));
    private static readonly Lazy<FoldingMap> HashtagMap = new(() => new FoldingMap(Rules(news: false)));

    /// <summary>The map of <paramref name="profile"/>: the full folding for <c>news</c>, hashtags only for <c>stock</c>.</summary>
    public static FoldingMap For(AnalysisProfile profile) => profile.IsStock ? HashtagMap.Value : NewsMap.Value;

    /// <summary>Applies the folding of <paramref name="profile"/> to a string.</summary>
    public static string Apply(AnalysisProfile profile, string text) => For(profile).Fold(text);

    private static List<(string From, string To)> Rules(bool news)
    {
        var rules = new List<(string From, string To)> { ("_", " ") };
        if (!news)
        {
            return rules;
        }

        rules.AddRange(PresentationForms());
        rules.Add(("\u0671", "\u0627")); // alef wasla
        rules.Add(("\u0670", string.Empty)); // superscript alef
        rules.Add(("\u0624", "\u0621")); // waw with hamza above
        rules.Add(("\u0626", "\u0621")); // yeh with hamza above
        rules.Add(("\u06CC", "\u064A")); // farsi yeh
        rules.Add(("\u06A9", "\u0643")); // keheh

        // Tanween fath written on its seat alef, in either order; a word-final sequence in practice.
        rules.Add(("\u0627\u064B", string.Empty));
        rules.Add(("\u064B\u0627", string.Empty));
        return rules;
    }

    // A presentation form decomposes to base letters that the map folds too (ﺆ → ؤ → ء): fold them here, as a
    // char filter does not re-read its own output.
    private static string FoldLetters(string text) => text
        .Replace('\u0671', '\u0627')
        .Replace("\u0670", string.Empty, StringComparison.Ordinal)
        .Replace('\u0624', '\u0621')
        .Replace('\u0626', '\u0621')
        .Replace('\u06CC', '\u064A')
        .Replace('\u06A9', '\u0643');

    private static IEnumerable<(string From, string To)> PresentationForms()
    {
        foreach (var (first, last) in new[] { (0xFB50, 0xFDFF), (0xFE70, 0xFEFF) })
        {
            for (var code = first; code <= last; code++)
            {
                var c = ((char)code).ToString();
                if (char.GetUnicodeCategory(c, 0) == System.Globalization.UnicodeCategory.OtherNotAssigned)
                {
                    continue;
                }

                var folded = FoldLetters(c.Normalize(NormalizationForm.FormKC));
                if (!string.Equals(folded, c, StringComparison.Ordinal))
                {
                    yield return (c, folded);
                }
            }
        }
    }
}
