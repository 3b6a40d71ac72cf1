using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Search.Core.Schema;

namespace Search.Core.Analysis;

/// <summary>The only way to get an analyzer: indexing, query parsing, highlighting and suggestions all use it.</summary>
/// <remarks>
/// Index-time and query-time analysis drifting apart is the relevance bug we most want to make impossible, so the
/// chain is defined here once, per field:
/// <list type="bullet">
/// <item><c>title</c>, <c>body</c>: standard tokenizer → lower case (Latin) → digit folding → Arabic normalization →
/// stop words → Arabic light stemmer.</item>
/// <item><c>title.exact</c>, <c>body.exact</c>: the same without the stemmer.</item>
/// <item>any other field (<c>id</c>, <c>category</c>, <c>source</c>): the whole value as one token.</item>
/// </list>
/// Unlike the stock <see cref="ArabicAnalyzer"/>, stop words are removed <em>after</em> normalization, with the stock
/// list normalized the same way: the stock list spells إلى, أن, ... with hamza, so the stock order keeps الى, ان
/// (written without hamza, as people type) as terms. Pinned by a test.
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

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(IndexVersion.Lucene, 256, ignoreCase: false);
        foreach (var word in ArabicAnalyzer.DefaultStopSet)
        {
            set.Add(NormalizeWord(word));
        }

        return set.AsReadOnly();
    }

    private sealed class NewsAnalyzer(CharArraySet stopWords) : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
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
            stream = new StopFilter(IndexVersion.Lucene, stream, stopWords);
            if (stemmed)
            {
                stream = new ArabicStemFilter(stream);
            }

            return new TokenStreamComponents(source, stream);
        }
    }
}
