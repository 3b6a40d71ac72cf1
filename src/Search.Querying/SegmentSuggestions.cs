using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Search.Core.Analysis;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>What suggestions read from the headlines of one segment: headlines, display spellings, headline phrases.</summary>
/// <remarks>
/// Headlines come from doc values (<see cref="NewsFields.TitleValue"/>, <see cref="NewsFields.IdValue"/>), not stored
/// fields: Lucene's stored fields are compressed in blocks shared with the bodies, and reading 41,661 of them took ten
/// seconds and more on our machine, the column takes milliseconds. Analyzing the headlines is then the main cost, and a
/// segment never changes once written, so it is done once per segment core and kept as long as the segment lives (a weak
/// table keyed by the core). After a commit only the new segments are read; the dictionary is merged from the parts.
/// The leads of one article in <see cref="LeadSample"/> are read from stored fields for the spellings of words that are
/// not in headlines. Every document is read, deleted or not, so a part does not depend on deletions.
/// <para>
/// Memory: on the full corpus in two segments the parts held 80 of the dictionary's 124 MiB (GC heap after a full
/// collection), most of it headline phrases seen once, which another segment may bring to the two a suggestion needs.
/// So a part keeps only what a build cannot derive (a phrase's count is the sum of its spellings' counts) and a
/// spelling equal to its normalized form shares that string: 57 of 98 MiB, the suggestions unchanged (README "How cost grows").
/// </para>
/// </remarks>
internal sealed class SegmentSuggestions
{
    private static readonly ConditionalWeakTable<object, SegmentSuggestions> BySegment = new();

    private SegmentSuggestions()
    {
    }

    public List<(int Doc, string Title, string Id, string Key, long Published)> Headlines { get; } = [];

    public Dictionary<(string Term, string Surface), int> Spellings { get; } = [];

    public Dictionary<(string Key, string Surface), int> PhraseSpellings { get; } = [];

    /// <summary>One article in this many also gives the spellings of its lead (stored fields: slow, so sampled).</summary>
    public const int LeadSample = 8;

    /// <summary>Characters of a sampled body read for spellings.</summary>
    public const int LeadChars = 400;

    private static readonly HashSet<string> BodyField = [NewsFields.Body];

    /// <summary>The part of <paramref name="segment"/>, read once per segment core.</summary>
    public static SegmentSuggestions For(AtomicReader segment, Analyzer analyzer) =>
        BySegment.GetValue(segment.CoreCacheKey, _ => Read(segment, analyzer));

    private static SegmentSuggestions Read(AtomicReader segment, Analyzer analyzer)
    {
        var part = new SegmentSuggestions();
        var dates = segment.GetNumericDocValues(NewsFields.DateMillis);
        var titles = segment.GetBinaryDocValues(NewsFields.TitleValue);
        var ids = segment.GetBinaryDocValues(NewsFields.IdValue);
        var titled = segment.GetDocsWithField(NewsFields.TitleValue);
        if (titles is null || ids is null || titled is null)
        {
            return part;
        }

        var bytes = new BytesRef();
        var seenInTitle = new HashSet<string>(StringComparer.Ordinal);
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            if (doc % LeadSample == 0)
            {
                CountLeadSpellings(part, segment, doc, analyzer);
            }

            if (!titled.Get(doc))
            {
                continue;
            }

            titles.Get(doc, bytes);
            var title = bytes.Utf8ToString();
            if (string.IsNullOrWhiteSpace(title))
            {
                continue;
            }

            var tokens = TokenInspector.Analyze(analyzer, NewsFields.TitleExact, title);
            if (tokens.Count == 0)
            {
                continue;
            }

            var surfaces = new string[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                surfaces[i] = Shared(tokens[i].Term, SuggestionDictionary.Clean(title, tokens[i].StartOffset, tokens[i].EndOffset));
                SuggestionDictionary.Count(part.Spellings, (tokens[i].Term, surfaces[i]));
            }

            // Two- and three-word runs of adjacent words (no stop word removed between them), once per headline.
            seenInTitle.Clear();
            for (var i = 0; i < tokens.Count; i++)
            {
                for (var length = 2; length <= 3 && i + length <= tokens.Count; length++)
                {
                    if (tokens[i + length - 1].Position - tokens[i].Position != length - 1)
                    {
                        break;
                    }

                    var key = SuggestionDictionary.Key(tokens, i, length);
                    if (seenInTitle.Add(key))
                    {
                        SuggestionDictionary.Count(part.PhraseSpellings, (key, Shared(key, string.Join(' ', surfaces, i, length))));
                    }
                }
            }

            ids.Get(doc, bytes);
            part.Headlines.Add((doc, title.Trim(), bytes.Utf8ToString(), SuggestionDictionary.Key(tokens, 0, tokens.Count), dates?.Get(doc) ?? 0));
        }

        return part;
    }

    // Words found only in bodies get their spelling from the leads of sampled articles; frequent words are in many of them.
    private static void CountLeadSpellings(SegmentSuggestions part, AtomicReader segment, int doc, Analyzer analyzer)
    {
        var body = segment.Document(doc, BodyField).Get(NewsFields.Body);
        if (string.IsNullOrEmpty(body))
        {
            return;
        }

        var lead = body.Length > LeadChars ? body[..LeadChars] : body;
        foreach (var token in TokenInspector.Analyze(analyzer, NewsFields.BodyExact, lead))
        {
            // A word cut by the lead's end is not a spelling.
            if (token.EndOffset < lead.Length || lead.Length == body.Length)
            {
                SuggestionDictionary.Count(part.Spellings, (token.Term, Shared(token.Term, SuggestionDictionary.Clean(lead, token.StartOffset, token.EndOffset))));
            }
        }
    }

    // A spelling that is its own normalized form shares that string: a part lives as long as its segment.
    private static string Shared(string normalized, string surface) =>
        string.Equals(normalized, surface, StringComparison.Ordinal) ? normalized : surface;
}
