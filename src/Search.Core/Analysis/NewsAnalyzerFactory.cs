using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Search.Core.Schema;

namespace Search.Core.Analysis;

/// <summary>The only way to get an analyzer: indexing, query parsing, highlighting and suggestions all use it.</summary>
/// <remarks>
/// Index-time and query-time analysis drifting apart is the relevance bug we most want to make impossible, so the
/// chain is defined here once, per field:
/// <list type="bullet">
/// <item><c>title</c>, <c>body</c>, <c>lead</c>: <see cref="ArabicFolding"/> (hashtag underscores to spaces, alef wasla,
/// superscript alef, hamza on waw/yeh, Persian letters, presentation forms, tanween alef) → standard tokenizer → lower
/// case (Latin) → digit folding → Arabic normalization → drop empty tokens → stop words → proclitic variants
/// (<see cref="ProcliticVariantFilter"/>) → light stemmer (<see cref="NewsStemFilter"/>).</item>
/// <item><c>title.exact</c>, <c>body.exact</c>, <c>lead.exact</c>: the same without the variants and the stemmer.</item>
/// <item><c>body.root</c>: the stemmed chain with the heavy <see cref="RootStemFilter"/> instead of the light stemmer.</item>
/// <item>any other field (<c>id</c>, <c>category</c>, <c>source</c>): the whole value as one token.</item>
/// </list>
/// That is the <c>news</c> profile; <see cref="Create(AnalysisProfile)"/> also builds the <c>stock</c> one, for comparison.
/// Unlike the stock <see cref="ArabicAnalyzer"/>, stop words are removed <em>after</em> normalization, with the stock
/// list normalized the same way. The stock list spells most words both with and without hamza, but not with ي for ى
/// (علي for على, حتي, لدي), nor with tatweel or harakat (إلـى, عَلَى), so the stock order keeps those spellings as terms.
/// One normalized form is kept out of the list: علي, since على and the name علي fold together and a name must stay
/// searchable. Pinned by tests.
/// </remarks>
public static class NewsAnalyzerFactory
{
    private static readonly Lazy<CharArraySet> NormalizedStopWords = new(BuildStopWords);

    /// <summary>A new analyzer of the default profile (<see cref="AnalysisProfile.Default"/>) for every field of the schema. Thread-safe; reuse one per component.</summary>
    public static Analyzer Create() => Create(AnalysisProfile.Default);

    /// <summary>A new analyzer of <paramref name="profile"/> for every field of the schema. Thread-safe; reuse one per component.</summary>
    /// <remarks>The <c>stock</c> profile is Lucene.Net's ArabicAnalyzer chain as is (stop words before normalization, stock stemmer), on the same fields.</remarks>
    public static Analyzer Create(AnalysisProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.IsStock ? new StockAnalyzer() : new NewsAnalyzer(NormalizedStopWords.Value);
    }

    /// <summary>The stock Arabic stop words after our normalization.</summary>
    public static CharArraySet StopWords => NormalizedStopWords.Value;

    /// <summary>Applies the character-level steps of the default chain (folding, lower case, digits, Arabic normalization) to one word.</summary>
    public static string NormalizeWord(string word)
    {
        var buffer = ArabicFolding.Apply(AnalysisProfile.News, word).ToLowerInvariant().ToCharArray();
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = DigitFoldingFilter.Fold(buffer[i]);
        }

        var length = new ArabicNormalizer().Normalize(buffer, buffer.Length);
        return new string(buffer, 0, length);
    }

    // Stop words that normalize to a common name: removing them would make the name unsearchable.
    private static readonly string[] KeptNames = ["علي"];

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(IndexVersion.Lucene, 256, ignoreCase: false);
        foreach (var word in ArabicAnalyzer.DefaultStopSet)
        {
            var normalized = NormalizeWord(word);
            if (Array.IndexOf(KeptNames, normalized) < 0)
            {
                set.Add(normalized);
            }
        }

        return set.AsReadOnly();
    }

    private sealed class NewsAnalyzer(CharArraySet stopWords) : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            NewsFields.IsStemmed(fieldName) || NewsFields.IsExact(fieldName) || NewsFields.IsRoot(fieldName)
                ? new MappingCharFilter(ArabicFolding.For(AnalysisProfile.News), reader)
                : reader;

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var root = NewsFields.IsRoot(fieldName);
            var stemmed = NewsFields.IsStemmed(fieldName);
            if (!stemmed && !root && !NewsFields.IsExact(fieldName))
            {
                return new TokenStreamComponents(new KeywordTokenizer(reader));
            }

            var source = new StandardTokenizer(IndexVersion.Lucene, reader);
            TokenStream stream = new LowerCasingFilter(source);
            stream = new DigitFoldingFilter(stream);
            stream = new ArabicNormalizationFilter(stream);

            // A lone tatweel or haraka normalizes to nothing: never index an empty term.
            stream = new LengthFilter(IndexVersion.Lucene, stream, 1, int.MaxValue);
            stream = new StopFilter(IndexVersion.Lucene, stream, stopWords);
            if (stemmed)
            {
                // Variants before stemming, so غزه of بغزه is stemmed like غزه typed alone (#3).
                stream = new ProcliticVariantFilter(stream);
                stream = new NewsStemFilter(stream);
            }
            else if (root)
            {
                stream = new ProcliticVariantFilter(stream);
                stream = new RootStemFilter(stream);
            }

            return new TokenStreamComponents(source, stream);
        }
    }

    // Lucene.Net's ArabicAnalyzer, field by field: stop words before normalization, as the stock analyzer does.
    private sealed class StockAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            // The stock chain has no heavy stemmer: its root field is its stemmed one.
            var stemmed = NewsFields.IsStemmed(fieldName) || NewsFields.IsRoot(fieldName);
            if (!stemmed && !NewsFields.IsExact(fieldName))
            {
                return new TokenStreamComponents(new KeywordTokenizer(reader));
            }

            var source = new StandardTokenizer(IndexVersion.Lucene, reader);
            TokenStream stream = new LowerCaseFilter(IndexVersion.Lucene, source);
            stream = new StopFilter(IndexVersion.Lucene, stream, ArabicAnalyzer.DefaultStopSet);
            stream = new ArabicNormalizationFilter(stream);
            if (stemmed)
            {
                stream = new ArabicStemFilter(stream);
            }

            return new TokenStreamComponents(source, stream);
        }
    }
}
