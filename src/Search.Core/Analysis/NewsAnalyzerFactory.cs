using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
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
/// <item><c>body.root</c>: the stemmed chain with the heavy <see cref="RootStemFilter"/> instead of the light stemmer,
/// keeping only the heavy stems that are not light stems at the same position (<see cref="RootOnlyFilter"/>); a query
/// asks for all of a word's heavy stems under <see cref="NewsFields.BodyRootForms"/>.</item>
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

    /// <summary>
    /// Not a field of the schema: the key under which a <c>news</c> analyzer gives the normalized words of a text, stop words
    /// included (folding, tokenizer, lower case, digits, Arabic normalization; no stop words removed, no stemming).
    /// </summary>
    /// <remarks>
    /// The spelling corrector's language model counts these (#18): a phrase slip is judged by the words around it, and
    /// those are often stop words (إلى تونس, على التوالي). Built and queried through this one chain, so the words counted
    /// and the words typed are normalized alike.
    /// </remarks>
    public const string WordsKey = "\0words";

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

    /// <summary>The <c>news</c> chain; also serves <see cref="SharedTextField"/>, which tokenizes one text once for all its fields.</summary>
    internal sealed class NewsAnalyzer(CharArraySet stopWords) : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
        // Not a field of the schema: the key under which Lucene's per-thread reuse keeps the shared steps alone.
        private const string SharedSteps = "\0shared";

        private readonly ThreadLocal<SharedTokens> _shared = new();

        /// <summary>
        /// The stream of <paramref name="fieldName"/> over <paramref name="text"/>, the same as <c>GetTokenStream</c>
        /// gives; on an analyzed field the steps every field shares (folding to stop words) run once per text and are
        /// replayed for its other fields. Like <c>GetTokenStream</c>, valid until the next call on this thread.
        /// </summary>
        public TokenStream SharedTokenStream(string fieldName, string text)
        {
            if (!IsAnalyzed(fieldName))
            {
                return GetTokenStream(fieldName, text);
            }

            var shared = _shared.Value ??= new SharedTokens(this);
            return shared.StreamFor(fieldName, text);
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            IsAnalyzed(fieldName) || fieldName is SharedSteps or WordsKey
                ? ArabicFolding.For(AnalysisProfile.News).Filter(reader)
                : reader;

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            if (!IsAnalyzed(fieldName) && fieldName is not (SharedSteps or WordsKey))
            {
                return new TokenStreamComponents(new KeywordTokenizer(reader));
            }

            var source = new StandardTokenizer(IndexVersion.Lucene, reader);
            if (fieldName == WordsKey)
            {
                return new TokenStreamComponents(source, NormalizedWordsOf(source));
            }

            var stream = SharedStepsOf(source);
            return new TokenStreamComponents(source, fieldName == SharedSteps ? stream : FieldStepsOf(fieldName, stream));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _shared.Dispose();
            }

            base.Dispose(disposing);
        }

        private static bool IsAnalyzed(string fieldName) =>
            NewsFields.IsStemmed(fieldName) || NewsFields.IsExact(fieldName) || NewsFields.IsRoot(fieldName);

        // Every analyzed field: after the char filter and the tokenizer, up to stop-word removal.
        private TokenStream SharedStepsOf(Tokenizer source) =>
            new StopFilter(IndexVersion.Lucene, NormalizedWordsOf(source), stopWords);

        // The character-level steps every analyzed field shares, and the words key stops after.
        private static TokenStream NormalizedWordsOf(Tokenizer source)
        {
            TokenStream stream = new LowerCasingFilter(source);
            stream = new DigitFoldingFilter(stream);
            stream = new ArabicNormalizationFilter(stream);

            // A lone tatweel or haraka normalizes to nothing: never index an empty term.
            return new LengthFilter(IndexVersion.Lucene, stream, 1, int.MaxValue);
        }

        // What each kind of field adds to the shared steps.
        private static TokenStream FieldStepsOf(string fieldName, TokenStream stream)
        {
            if (NewsFields.IsStemmed(fieldName))
            {
                // Variants before stemming, so غزه of بغزه is stemmed like غزه typed alone (#3).
                return new NewsStemFilter(new ProcliticVariantFilter(stream));
            }

            if (fieldName == NewsFields.BodyRoot)
            {
                // Indexed: only the heavy stems that are not light stems at the same position (#17).
                return new RootOnlyFilter(new ProcliticVariantFilter(stream));
            }

            return NewsFields.IsRoot(fieldName) ? new RootStemFilter(new ProcliticVariantFilter(stream)) : stream;
        }

        // One thread's replay: the shared steps' tokens of the last text, and each field's steps over a replay of them.
        private sealed class SharedTokens(NewsAnalyzer analyzer)
        {
            private readonly TokenBuffer _tokens = new();
            private readonly Dictionary<string, TokenStream> _streams = new(StringComparer.Ordinal);
            private string? _text;

            public TokenStream StreamFor(string fieldName, string text)
            {
                // The same string object as last time (a document's body for body, body.exact and body.root): same tokens.
                if (!ReferenceEquals(text, _text))
                {
                    _text = null;
                    using (var stream = analyzer.GetTokenStream(SharedSteps, text))
                    {
                        _tokens.Fill(stream);
                    }

                    _text = text;
                }

                if (!_streams.TryGetValue(fieldName, out var fieldStream))
                {
                    _streams[fieldName] = fieldStream = FieldStepsOf(fieldName, new TokenReplay(_tokens));
                }

                return fieldStream;
            }
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
