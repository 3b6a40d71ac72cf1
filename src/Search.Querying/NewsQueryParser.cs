using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Querying.Parsing;
using Search.Querying.Ranking;
using Search.Querying.Scoring;
using Search.Querying.Variants;

namespace Search.Querying;

/// <summary>Turns search-box text (words, "phrases", -exclusions, OR) into a Lucene query over the text fields.</summary>
/// <remarks>
/// Every word is analyzed with the analyzer of the configuration's profile (<see cref="NewsAnalyzerFactory.Create(AnalysisProfile)"/>),
/// per field, so query terms are exactly what indexing produced. Construction, for <c>a "b c" -d x OR y</c>, with
/// the <see cref="RankingWeights"/> of the configuration:
/// <list type="bullet">
/// <item>words in <see cref="RankingWeights.QueryStopWords"/> (question words) are left out, unless nothing else is wanted;</item>
/// <item>a word or phrase becomes a DisjunctionMaxQuery over the fields whose weight is above 0 (title, body, lead,
/// stemmed and exact, and the heavy-stemmed body), each boosted by its weight: the best field counts, plus <see cref="RankingWeights.TieBreaker"/>
/// of the others. Forms stacked at one position (a word with and without its proclitic, بغزة/غزة) are alternatives;
/// a phrase is a (multi-)phrase query per field at the analyzed positions (the gaps left by stop words are kept);</item>
/// <item>words joined by OR form one group: a BooleanQuery of SHOULD alternatives;</item>
/// <item>the groups are SHOULD clauses of one BooleanQuery, the only one with coordination enabled
/// (<see cref="RankingWeights.Coord"/>, see <see cref="Ranking.NewsSimilarity"/>) and with
/// <see cref="RankingWeights.MinimumShouldMatch"/>; with <see cref="RankingWeights.MatchedWordBonus"/> above 0, each
/// group also adds a constant, so that documents with more of the words rank first;</item>
/// <item>consecutive wanted words add proximity clauses on the stemmed body (<see cref="RankingWeights.PhraseBoost"/>
/// side by side, <see cref="RankingWeights.ProximityBoost"/> within <see cref="RankingWeights.ProximitySlop"/>);</item>
/// <item>an exclusion is a MUST_NOT clause per stemmed field (any form of the word excludes);</item>
/// <item>a wanted word found in at least half of the articles (على), in a query with another word that is not, is scored
/// on the stemmed body alone (<see cref="CommonWordQuery"/>, decided against the index when the query is rewritten);</item>
/// <item>blank text, or exclusions only, match every article (minus the excluded); text that analyzes to nothing
/// (stop words, punctuation) matches nothing: an empty result rather than an error.</item>
/// </list>
/// Thread-safe.
/// </remarks>
public sealed class NewsQueryParser
{
    private static readonly string[] AllWantedFields =
        [NewsFields.Title, NewsFields.TitleExact, NewsFields.Body, NewsFields.BodyExact, NewsFields.BodyRoot, NewsFields.Lead, NewsFields.LeadExact];

    private static readonly string[] ExcludedFields = [NewsFields.Title, NewsFields.Body];

    private readonly Analyzer _analyzer;
    private readonly RankingWeights _weights;
    private readonly string[] _wantedFields;
    private readonly HashSet<string> _queryStopWords;
    private readonly NameVariants _variants;

    /// <summary>
    /// Creates a parser for <paramref name="weights"/> (null: the shipped default), with its own analyzer of the
    /// configuration's profile, searching each word of a <paramref name="variants"/> group as all its spellings (#18).
    /// </summary>
    public NewsQueryParser(RankingWeights? weights = null, NameVariants? variants = null)
    {
        _variants = variants ?? NameVariants.None;
        _weights = weights ?? RankingWeights.Default;
        _analyzer = NewsAnalyzerFactory.Create(_weights.Profile);
        _wantedFields = [.. AllWantedFields.Where(field => Boost(field) > 0)];
        _queryStopWords = new HashSet<string>(_weights.QueryStopWords.Select(QueryStopKey), StringComparer.Ordinal);
    }

    /// <summary>The configuration this parser builds queries for.</summary>
    public RankingWeights Weights => _weights;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="QuerySyntaxException"/> only for queries over the limits.</summary>
    public ParsedQuery Parse(string? text)
    {
        text ??= string.Empty;
        if (text.Length > SearchLimits.MaxQueryLength)
        {
            throw new QuerySyntaxException(
                $"The query is longer than {SearchLimits.MaxQueryLength} characters.", SearchLimits.MaxQueryLength);
        }

        var elements = DropQueryStopWords(ApplySyntax(QueryTokenizer.Tokenize(text)).ToList());
        var groups = new List<List<PlannedWord>>();
        var exclusions = new List<Query>();
        var highlight = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<PlannedWord>? lastGroup = null;
        var groupForms = new List<IReadOnlyList<string>?>();
        var proximityWords = new List<IReadOnlyList<AnalyzedToken>?>();
        var pendingOr = false;
        var counted = 0;

        foreach (var element in elements)
        {
            if (element.Kind == QueryElementKind.Or)
            {
                // OR binds the wanted words on either side; a leading, trailing or doubled OR is ignored.
                pendingOr = lastGroup is not null;
                continue;
            }

            var fields = element.Excluded ? ExcludedFields : _wantedFields;
            // Words of several positions (a phrase, or a word the tokenizer splits) are phrases, searched only in the
            // fields that keep positions (#17: the stemmed title and body, where the other fields' matches lie anyway).
            var perField = fields
                .Select(field => (Field: field, Tokens: _variants.Analyze(_analyzer, field == NewsFields.BodyRoot ? NewsFields.BodyRootForms : field, element.Text)))
                .Where(x => x.Tokens.Count > 0 && (NewsFields.HasPositions(x.Field) || x.Tokens.All(t => t.Position == x.Tokens[0].Position)))
                .ToList();
            if (perField.Count == 0)
            {
                continue;
            }

            // Counted after analysis: stop words and empty quotes cost nothing and don't count.
            if (++counted > SearchLimits.MaxQueryElements)
            {
                throw new QuerySyntaxException(
                    $"The query has more than {SearchLimits.MaxQueryElements} words and phrases.", element.Position);
            }

            if (element.Excluded)
            {
                exclusions.AddRange(perField.Select(x => FieldQuery(x.Field, x.Tokens)));
                lastGroup = null;
                pendingOr = false;
                continue;
            }

            var key = string.Join('|', perField.Select(x => x.Field + ":" + string.Join(' ', x.Tokens.Select(t => t.Position + "=" + t.Term))));
            if (!seen.Add(key))
            {
                pendingOr = false;
                continue;
            }

            foreach (var (field, tokens) in perField)
            {
                if (NewsFields.IsStemmed(field))
                {
                    highlight.UnionWith(tokens.Select(t => t.Term));
                }
            }

            var stems = perField.FirstOrDefault(x => x.Field == NewsFields.Body).Tokens;
            var word = new PlannedWord([.. perField.Select(x =>
            {
                var query = x.Field == NewsFields.BodyRoot ? RootQuery(x.Tokens, stems) : FieldQuery(x.Field, x.Tokens);
                query.Boost = Boost(x.Field);
                return new FieldClause(x.Field, query);
            })]);

            // Proximity pairs need one word (one position) on the stemmed body; a phrase or an OR breaks the chain.
            var bodyTokens = perField.FirstOrDefault(x => x.Field == NewsFields.Body).Tokens;
            var single = element.Kind != QueryElementKind.Phrase && bodyTokens is { Count: > 0 } && bodyTokens.All(t => t.Position == bodyTokens[0].Position);
            if (pendingOr && lastGroup is not null)
            {
                lastGroup.Add(word);
                groupForms[^1] = null;
                proximityWords[^1] = null;
            }
            else
            {
                lastGroup = [word];
                groups.Add(lastGroup);
                groupForms.Add(single ? [.. bodyTokens!.Select(t => t.Term).Distinct(StringComparer.Ordinal)] : null);
                proximityWords.Add(single ? bodyTokens : null);
            }

            pendingOr = false;
        }

        if (groups.Count == 0 && (exclusions.Count > 0 || string.IsNullOrWhiteSpace(text)))
        {
            if (exclusions.Count == 0)
            {
                return new ParsedQuery(new MatchAllDocsQuery(), ParsedQueryKind.All, highlight);
            }

            var browse = new TopQuery { { new MatchAllDocsQuery(), Occur.MUST } };
            foreach (var exclusion in exclusions)
            {
                browse.Add(exclusion, Occur.MUST_NOT);
            }

            return new ParsedQuery(browse, ParsedQueryKind.All, highlight);
        }

        if (groups.Count == 0)
        {
            return new ParsedQuery(new TopQuery(), ParsedQueryKind.Nothing, highlight);
        }

        var plan = new QueryPlan
        {
            Groups = groups,
            Exclusions = exclusions,
            Pairs = ProximityPairs(proximityWords),
            Required = MinimumShouldMatch.Required(_weights.MinimumShouldMatch, groups.Count),
            Coord = _weights.Coord > 0,
            Bonus = groups.Count > 1 ? _weights.MatchedWordBonus : 0,
            TieBreaker = _weights.TieBreaker,
            BodyBoost = Boost(NewsFields.Body),

            // A very common word (على) beside a less common one is scored on the stemmed body only (see CommonWordQuery).
            Common = groups.Count > 1 && groupForms.Any(forms => forms is not null) ? new CommonWords(groupForms) : null,
        };
        return new ParsedQuery(PlanQueries.Full(plan), ParsedQueryKind.Terms, highlight) { Plan = plan };
    }

    // "full": phrases, exclusions and OR as typed. "loose": a quoted phrase is searched as its words (in order they earn
    // the proximity boosts): headlines quote speech that articles paraphrase. "plain": no operators at all, every
    // piece is a word (the stock behaviour: the OR of the query's terms).
    private IEnumerable<QueryElement> ApplySyntax(IReadOnlyList<QueryElement> elements)
    {
        var plain = _weights.Syntax == RankingWeights.PlainSyntax;
        var loose = plain || _weights.Syntax == RankingWeights.LooseSyntax;
        foreach (var element in elements)
        {
            if (element.Kind == QueryElementKind.Or && plain)
            {
                yield return element with { Kind = QueryElementKind.Word };
            }
            else if (element.Kind == QueryElementKind.Phrase && loose)
            {
                foreach (var word in element.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return element with { Kind = QueryElementKind.Word, Text = word, Excluded = element.Excluded && !plain };
                }
            }
            else
            {
                yield return plain && element.Excluded ? element with { Excluded = false } : element;
            }
        }
    }

    // Question words (هل, كيف, لماذا ...) are scaffolding of the question, not words of the answer (#3, quran-qa): dropped
    // when the query has other wanted words, kept when it is made of them only (a search for كيف still finds كيف).
    private List<QueryElement> DropQueryStopWords(List<QueryElement> elements)
    {
        if (_queryStopWords.Count == 0)
        {
            return elements;
        }

        bool IsQueryStopWord(QueryElement e) =>
            e.Kind == QueryElementKind.Word && !e.Excluded && _queryStopWords.Contains(QueryStopKey(e.Text));

        var kept = elements.Where(e => !IsQueryStopWord(e)).ToList();
        return kept.Any(e => e.Kind != QueryElementKind.Or && !e.Excluded) ? kept : elements;
    }

    // The normalized word without the punctuation around it (هل؟ is هل).
    private static string QueryStopKey(string word)
    {
        var normalized = NewsAnalyzerFactory.NormalizeWord(word).AsSpan();
        var start = 0;
        var end = normalized.Length;
        while (start < end && !char.IsLetterOrDigit(normalized[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(normalized[end - 1]))
        {
            end--;
        }

        return normalized[start..end].ToString();
    }

    // Each pair of consecutive words, in order, on the stemmed body: side by side (phrase) and within the slop (proximity).
    private List<Query> ProximityPairs(List<IReadOnlyList<AnalyzedToken>?> words)
    {
        var pairs = new List<Query>();
        if (words.Count < 2 || !_wantedFields.Contains(NewsFields.Body))
        {
            return pairs;
        }

        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] is not { } first || words[i + 1] is not { } second)
            {
                continue;
            }

            if (_weights.PhraseBoost > 0)
            {
                pairs.Add(PairQuery(first, second, 0, _weights.PhraseBoost));
            }

            if (_weights.ProximityBoost > 0)
            {
                pairs.Add(PairQuery(first, second, _weights.ProximitySlop, _weights.ProximityBoost));
            }
        }

        return pairs;
    }

    private static MultiPhraseQuery PairQuery(IReadOnlyList<AnalyzedToken> first, IReadOnlyList<AnalyzedToken> second, int slop, float boost)
    {
        var pair = new MultiPhraseQuery { Slop = slop, Boost = boost };
        pair.Add([.. first.Select(t => new Term(NewsFields.Body, t.Term))], 0);
        pair.Add([.. second.Select(t => new Term(NewsFields.Body, t.Term))], 1);
        return pair;
    }

    // A word's heavy stems: body.root holds those that are not light stems at their position (#17), so a heavy stem
    // that is not among this word's own light stems is also looked up as a light stem of the body. The best form counts.
    private static Query RootQuery(IReadOnlyList<AnalyzedToken> roots, IReadOnlyList<AnalyzedToken>? stems)
    {
        var forms = new DisjunctionMaxQuery(0f);
        foreach (var root in roots.Select(t => t.Term).Distinct(StringComparer.Ordinal))
        {
            forms.Add(new TermQuery(new Term(NewsFields.BodyRoot, root)));
            if (stems is null || !stems.Any(stem => stem.Term == root))
            {
                forms.Add(new TermQuery(new Term(NewsFields.Body, root)));
            }
        }

        return forms;
    }

    // One position: a term, or the stacked forms of one word as alternatives (بغزه and غزه). Several positions (a phrase,
    // or a word the tokenizer splits, like "covid-19"): a phrase at the analyzed positions, so a stop word removed inside
    // a quoted phrase still occupies its place, with the stacked forms of a position as alternatives.
    private static Query FieldQuery(string field, IReadOnlyList<AnalyzedToken> tokens)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        var positions = tokens.GroupBy(t => t.Position).ToList();
        if (positions.Count == 1)
        {
            // The best form counts, not their sum: a word with variants must not outweigh a word without.
            var forms = new DisjunctionMaxQuery(0f);
            foreach (var token in tokens.DistinctBy(t => t.Term))
            {
                forms.Add(new TermQuery(new Term(field, token.Term)));
            }

            return forms;
        }

        var first = tokens[0].Position;
        if (positions.All(p => p.Count() == 1))
        {
            var phrase = new PhraseQuery();
            foreach (var token in tokens)
            {
                phrase.Add(new Term(field, token.Term), token.Position - first);
            }

            return phrase;
        }

        var multi = new MultiPhraseQuery();
        foreach (var position in positions)
        {
            multi.Add([.. position.Select(t => new Term(field, t.Term)).DistinctBy(t => t.Text)], position.Key - first);
        }

        return multi;
    }

    private float Boost(string field) => field switch
    {
        NewsFields.Title => _weights.Title,
        NewsFields.TitleExact => _weights.TitleExact,
        NewsFields.Body => _weights.Body,
        NewsFields.BodyExact => _weights.BodyExact,
        NewsFields.BodyRoot => _weights.BodyRoot,
        NewsFields.Lead => _weights.Lead,
        _ => _weights.LeadExact,
    };
}
