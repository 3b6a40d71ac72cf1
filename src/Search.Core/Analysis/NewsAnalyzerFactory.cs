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
/// <item><c>title</c>, <c>body</c>: underscores to spaces (hashtags) → standard tokenizer → lower case (Latin) →
/// digit folding → Arabic normalization → drop empty tokens → stop words → Arabic light stemmer.</item>
/// <item><c>title.exact</c>, <c>body.exact</c>: the same without the stemmer.</item>
/// <item>any other field (<c>id</c>, <c>category</c>, <c>source</c>): the whole value as one token.</item>
/// </list>
/// Unlike the stock <see cref="ArabicAnalyzer"/>, stop words are removed <em>after</em> normalization, with the stock
/// list normalized the same way. The stock list spells most words both with and without hamza, but not with ي for ى
/// (علي for على, حتي, لدي), nor with tatweel or harakat (إلـى, عَلَى), so the stock order keeps those spellings as terms.
/// One normalized form is kept out of the list: علي, since على and the name علي fold together and a name must stay
/// searchable. Pinned by tests.
/// </remarks>
public static class NewsAnalyzerFactory
{
    private static readonly Lazy<CharArraySet> NormalizedStopWords = new(BuildStopWords);

    /// <summary>A new analyzer for every field of the schema. Thread-safe; reuse one per component.</summary>
    public static Analyzer Create() => new NewsAnalyzer(NormalizedStopWords.Value);

    /// <summary>The stock Arabic stop words after our normalization.</summary>
    public static CharArraySet StopWords => NormalizedStopWords.Value;

    /// <summary>Applies the character-level steps of the chain (lower case, digits, Arabic normalization) to one word.</summary>
    public static string NormalizeWord(string word)
    {
        var buffer = word.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = DigitFoldingFilter.Fold(buffer[i]);
        }

        var length = new ArabicNormalizer().Normalize(buffer, buffer.Length);
        return new string(buffer, 0, length);
    }

    // Stop words that normalize to a common name: removing them would make the name unsearchable.
    private static readonly string[] KeptNames = ["علي"];

    private static readonly NormalizeCharMap HashtagSplitter = BuildHashtagSplitter();

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

    // #كأس_العالم is two words to a reader; one char for one keeps every offset exact.
    private static NormalizeCharMap BuildHashtagSplitter()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("_", " ");
        return builder.Build();
    }

    private sealed class NewsAnalyzer(CharArraySet stopWords) : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            NewsFields.IsStemmed(fieldName) || NewsFields.IsExact(fieldName)
                ? new MappingCharFilter(HashtagSplitter, reader)
                : reader;

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var stemmed = NewsFields.IsStemmed(fieldName);
            if (!stemmed && !NewsFields.IsExact(fieldName))
            {
                return new TokenStreamComponents(new KeywordTokenizer(reader));
            }

            var source = new StandardTokenizer(IndexVersion.Lucene, reader);
            TokenStream stream = new LowerCaseFilter(IndexVersion.Lucene, source);
            stream = new DigitFoldingFilter(stream);
            stream = new ArabicNormalizationFilter(stream);

            // A lone tatweel or haraka normalizes to nothing: never index an empty term.
            stream = new LengthFilter(IndexVersion.Lucene, stream, 1, int.MaxValue);
            stream = new StopFilter(IndexVersion.Lucene, stream, stopWords);
            if (stemmed)
            {
                stream = new ArabicStemFilter(stream);
            }

            return new TokenStreamComponents(source, stream);
        }
    }
}
