using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Did-you-mean corrections and the typo-tolerant retry of a query without results.</summary>
/// <remarks>
/// Both work on normalized, unstemmed words (the <c>body.exact</c> terms), so hamza, ة/ه, ى/ي and diacritic variants
/// are never "typos": they already match. Candidates come from a Levenshtein automaton (<see cref="LevenshteinAutomata"/>,
/// transpositions counting as one edit) intersected with the terms dictionary, at most <see cref="MaxCandidates"/> per
/// word, ranked by edit distance, then document frequency; one edit is tried before two (<see cref="Best"/>).
/// <list type="bullet">
/// <item>Did-you-mean: a word is suspicious when fewer than <see cref="RareDocFreq"/> articles contain it and its stem
/// too (a rare inflection of a common stem is matched by the stemmed fields already, so it is no typo); it is replaced
/// by the best candidate within <see cref="SuggestionEdits"/> edits that is at least <see cref="MinGain"/> times as
/// frequent. The caller keeps the correction only if it has results.</item>
/// <item>Typo tolerance: each word gets a budget by length (<see cref="TypoEdits"/>: 0 under 4 letters, 1 from 4, 2 from
/// 8); a word with a budget matches every indexed spelling within it (a <see cref="FuzzyQuery"/> per exact field,
/// at most <see cref="FuzzyMaxExpansions"/> spellings, so no query explodes), beside its ordinary match; other words,
/// phrases and exclusions are parsed as usual. OR between words is not kept in the retry (each side is one more word).</item>
/// </list>
/// </remarks>
internal sealed class SpellingCorrector(Analyzer analyzer, NewsQueryParser parser)
{
    /// <summary>Words in fewer articles than this are checked for a more frequent close spelling.</summary>
    public const int RareDocFreq = 3;

    /// <summary>A correction must be in at least this many times as many articles as the word (absent words: any).</summary>
    public const int MinGain = 10;

    /// <summary>Candidate spellings examined per word.</summary>
    public const int MaxCandidates = 200;

    /// <summary>Spellings one fuzzy word may expand to in the typo-tolerant retry.</summary>
    public const int FuzzyMaxExpansions = 50;

    // Same role as the parser's matched-word bonus: in the retry too, articles matching more of the words come first.
    private const float MatchedWordBonus = 1000f;

    private static readonly string[] FuzzyFields = [NewsFields.TitleExact, NewsFields.BodyExact];

    /// <summary>Edits allowed per word in the typo-tolerant retry, by its length in letters.</summary>
    public static int TypoEdits(int length) => length < 4 ? 0 : length < 8 ? 1 : 2;

    /// <summary>Edits allowed per word for a did-you-mean correction (at most 2, none for words under 3 letters).</summary>
    public static int SuggestionEdits(int length) => length < 3 ? 0 : length < 5 ? 1 : 2;

    /// <summary>The query text with each rare or absent word replaced by a more frequent close spelling, or null when none is.</summary>
    public string? DidYouMean(IndexReader reader, string text, Func<string, string?> surface)
    {
        var replacements = new List<(int Start, int Length, string Text)>();
        foreach (var element in QueryTokenizer.Tokenize(text))
        {
            if (element.Kind != QueryElementKind.Word || element.Excluded || ExactTerm(element.Text) is not { } term)
            {
                continue;
            }

            // Only rare words are looked at, and only when their stem is rare too (#6, sixth round).
            var docFreq = DocFreq(reader, term);
            if (docFreq < RareDocFreq && StemDocFreq(reader, element.Text) < RareDocFreq
                && Correction(reader, term, docFreq) is { } correction)
            {
                replacements.Add((element.Position, element.Text.Length, surface(correction) ?? correction));
            }
        }

        return replacements.Count == 0 ? null : Apply(text, replacements);
    }

    /// <summary>The did-you-mean correction of one normalized word: null when the word is not rare or has no close spelling that is more frequent.</summary>
    public static string? Correction(IndexReader reader, string term) => Correction(reader, term, DocFreq(reader, term));

    // The correction of a word found in docFreq articles.
    private static string? Correction(IndexReader reader, string term, int docFreq)
    {
        if (docFreq >= RareDocFreq)
        {
            return null;
        }

        var minimum = Math.Max(1, docFreq * MinGain);
        return Best(reader, term, SuggestionEdits(term.Length), c => c.Distance > 0 && c.DocFreq >= minimum)?.Term;
    }

    /// <summary>The typo-tolerant form of <paramref name="text"/> and the text it stands for, or null when no word has an edit budget.</summary>
    public (Query Query, string Searched)? TypoTolerant(IndexReader reader, string text, Func<string, string?> surface)
    {
        var groups = new List<Query>();
        var exclusions = new List<string>();
        var replacements = new List<(int Start, int Length, string Text)>();
        var fuzzy = false;
        foreach (var element in QueryTokenizer.Tokenize(text))
        {
            if (element.Kind == QueryElementKind.Or)
            {
                continue;
            }

            var written = element.Kind == QueryElementKind.Phrase ? "\"" + element.Text + "\"" : element.Text;
            if (element.Excluded)
            {
                exclusions.Add("-" + written);
                continue;
            }

            var plain = parser.Parse(written);
            if (plain.Kind != ParsedQueryKind.Terms)
            {
                continue;
            }

            var term = element.Kind == QueryElementKind.Word ? ExactTerm(element.Text) : null;
            var edits = term is null ? 0 : TypoEdits(term.Length);
            if (edits == 0)
            {
                groups.Add(plain.Query);
                continue;
            }

            fuzzy = true;
            var group = new BooleanQuery(disableCoord: true) { { plain.Query, Occur.SHOULD } };
            var spellings = new DisjunctionMaxQuery(0.1f);
            foreach (var field in FuzzyFields)
            {
                spellings.Add(new FuzzyQuery(new Term(field, term!), edits, PrefixLength(edits), FuzzyMaxExpansions, transpositions: true));
            }

            group.Add(spellings, Occur.SHOULD);
            groups.Add(group);

            if (Best(reader, term!, edits, _ => true) is { Distance: > 0 } best)
            {
                replacements.Add((element.Position, element.Text.Length, surface(best.Term) ?? best.Term));
            }
        }

        if (!fuzzy)
        {
            return null;
        }

        var top = new TopQuery();
        foreach (var group in groups)
        {
            top.Add(group, Occur.SHOULD);
            if (groups.Count > 1)
            {
                top.Add(new ConstantScoreQuery(group) { Boost = MatchedWordBonus }, Occur.SHOULD);
            }
        }

        if (exclusions.Count > 0 && parser.Parse(string.Join(' ', exclusions)) is { Kind: ParsedQueryKind.All } excluded)
        {
            top.Add(excluded.Query, Occur.MUST);
        }

        return (top, Apply(text, replacements));
    }

    /// <summary>
    /// The best close spelling of <paramref name="term"/> in the index within <paramref name="edits"/> that
    /// <paramref name="accept"/> takes: the nearest, then the most frequent (the term itself, at distance 0, when indexed).
    /// </summary>
    /// <remarks>
    /// #6: one edit is walked first and two only when one finds nothing acceptable: a one-edit automaton is a fraction of
    /// a two-edit one, and most typos are one edit. It also keeps the rule: a single two-edit walk kept the first
    /// <see cref="MaxCandidates"/> spellings in term order and missed a nearer one that sorted after them.
    /// </remarks>
    public static (string Term, int Distance, int DocFreq)? Best(IndexReader reader, string term, int edits, Func<(string Term, int Distance, int DocFreq), bool> accept)
    {
        var terms = MultiFields.GetTerms(reader, NewsFields.BodyExact);
        if (edits <= 0 || terms is null)
        {
            return null;
        }

        int[] walks = edits == 1 ? [1] : [1, edits];
        foreach (var distance in walks)
        {
            foreach (var candidate in Candidates(terms, term, distance, PrefixLength(edits)))
            {
                if (accept(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The indexed spellings exactly <paramref name="edits"/> edits from <paramref name="term"/> (first letter kept for two),
    /// at most <see cref="MaxCandidates"/>, nearest and most frequent first: the far candidates of the phrase corrector (#18).
    /// </summary>
    public static IEnumerable<string> Near(IndexReader reader, string term, int edits) =>
        MultiFields.GetTerms(reader, NewsFields.BodyExact) is { } terms && edits > 0
            ? Candidates(terms, term, edits, PrefixLength(edits)).Where(c => c.Distance > 0).Select(c => c.Term)
            : [];

    /// <summary>
    /// The spellings in <paramref name="terms"/> (<c>body.exact</c>'s) within <paramref name="edits"/> of
    /// <paramref name="term"/> that share its first <paramref name="prefix"/> letters, at most <see cref="MaxCandidates"/>
    /// (in term order), nearest first, then most frequent.
    /// </summary>
    private static List<(string Term, int Distance, int DocFreq)> Candidates(Terms terms, string term, int edits, int prefix)
    {
        var found = new List<(string Term, int Distance, int DocFreq)>();

        // One automaton of exactly this distance: Lucene's FuzzyTermsEnum compiles one for every distance up to it and
        // runs each of them over every term it finds, to rank them; Distance ranks them here.
        prefix = Math.Min(prefix, term.Length);
        if (prefix > 0 && prefix < term.Length && char.IsHighSurrogate(term[prefix - 1]))
        {
            prefix++; // letters, not UTF-16 halves
        }

        var automaton = new LevenshteinAutomata(term[prefix..], true).ToAutomaton(edits);
        if (prefix > 0)
        {
            automaton = BasicOperations.Concatenate(BasicAutomata.MakeString(term[..prefix]), automaton);
        }

        var matches = terms.Intersect(new CompiledAutomaton(automaton, true, false), null);
        while (found.Count < MaxCandidates && matches.MoveNext())
        {
            var candidate = matches.Term.Utf8ToString();
            found.Add((candidate, Distance(term, candidate), matches.DocFreq));
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance)
            : a.DocFreq != b.DocFreq ? b.DocFreq.CompareTo(a.DocFreq)
            : string.CompareOrdinal(a.Term, b.Term));
        return found;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), as the fuzzy automaton counts.</summary>
    public static int Distance(string a, string b)
    {
        // Three rows of the table (a transposition looks two rows back), on the stack for words of ordinary length.
        var width = b.Length + 1;
        Span<int> rows = width <= 256 ? stackalloc int[3 * width] : new int[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
            }

            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return previous[width - 1];
    }

    // Two edits anywhere in a word reach too many terms; keeping the first letter (as spell checkers usually do) bounds it.
    private static int PrefixLength(int edits) => edits >= 2 ? 1 : 0;

    private static int DocFreq(IndexReader reader, string term) =>
        reader.DocFreq(new Term(NewsFields.BodyExact, term)) + reader.DocFreq(new Term(NewsFields.TitleExact, term));

    // The articles the word's stem is in: the most of its stemmed forms (with proclitic variants) in the body. A rare
    // spelling whose stem is in enough articles is an inflection the stemmed fields already match (فقتلها, "so he killed
    // her": قتل), not a typo: the search found what it means. Over the bench's 2,000 queries this drops 33 of 47
    // did-you-means, nearly all of them another word (فتحها, "opened it"), and the walks behind them, the slowest
    // searches of the mix (10-40 ms); a typo that recurs in a few articles (الإسرئيلي) is no longer corrected either.
    private int StemDocFreq(IndexReader reader, string word) =>
        TokenInspector.Analyze(analyzer, NewsFields.Body, word).Select(token => reader.DocFreq(new Term(NewsFields.Body, token.Term))).DefaultIfEmpty(0).Max();

    // The normalized, unstemmed term of a single word; null for stop words and for text the tokenizer splits.
    private string? ExactTerm(string word)
    {
        var tokens = TokenInspector.Analyze(analyzer, NewsFields.BodyExact, word);
        return tokens.Count == 1 ? tokens[0].Term : null;
    }

    private static string Apply(string text, List<(int Start, int Length, string Text)> replacements)
    {
        var builder = new StringBuilder(text.Length + 16);
        var cursor = 0;
        foreach (var (start, length, replacement) in replacements.OrderBy(r => r.Start))
        {
            builder.Append(text, cursor, start - cursor).Append(replacement);
            cursor = start + length;
        }

        return builder.Append(text, cursor, text.Length - cursor).ToString().Trim();
    }
}
