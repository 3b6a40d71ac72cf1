using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Turns search-box text (words, "phrases", -exclusions, OR) into a Lucene query over the four text fields.</summary>
/// <remarks>
/// Every word is analyzed with the one analyzer from <see cref="NewsAnalyzerFactory"/>, per field, so query terms
/// are exactly what indexing produced. Construction, for <c>a "b c" -d x OR y</c>:
/// <list type="bullet">
/// <item>a word or phrase becomes a DisjunctionMaxQuery over <c>title</c>, <c>title.exact</c>, <c>body</c>,
/// <c>body.exact</c> with the <see cref="RankingWeights"/> boosts: the best field counts, exact forms weigh more;
/// a phrase is a PhraseQuery per field at the analyzed positions (the gaps left by stop words are kept);</item>
/// <item>words joined by OR form one group: a BooleanQuery of SHOULD alternatives;</item>
/// <item>each group is a SHOULD clause of the top query, plus a SHOULD ConstantScoreQuery of the same group boosted by
/// <see cref="RankingWeights.MatchedWordBonus"/>. BM25Similarity has no coord factor in Lucene 4.8, so "documents with
/// more of the words rank higher, all of them first" is made explicit: score = bonus × groups matched + BM25, and the
/// bonus exceeds what BM25 gives one word, so the number of matched groups decides first;</item>
/// <item>an exclusion is a MUST_NOT clause per stemmed field (any form of the word excludes);</item>
/// <item>blank text, or exclusions only, match every article (minus the excluded); text that analyzes to nothing
/// (stop words, punctuation) matches nothing: an empty result rather than an error.</item>
/// </list>
/// Coordination is disabled on every BooleanQuery we build so that the similarity's coord never interferes.
/// Thread-safe.
/// </remarks>
public sealed class NewsQueryParser
{
    private static readonly string[] WantedFields = [NewsFields.Title, NewsFields.TitleExact, NewsFields.Body, NewsFields.BodyExact];
    private static readonly string[] ExcludedFields = [NewsFields.Title, NewsFields.Body];

    private readonly Analyzer _analyzer;
    private readonly RankingWeights _weights;

    /// <summary>Creates a parser with its own analyzer from <see cref="NewsAnalyzerFactory"/>.</summary>
    public NewsQueryParser(RankingWeights? weights = null)
    {
        _analyzer = NewsAnalyzerFactory.Create();
        _weights = weights ?? RankingWeights.Default;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="QuerySyntaxException"/> only for queries over the limits.</summary>
    public ParsedQuery Parse(string? text)
    {
        text ??= string.Empty;
        if (text.Length > SearchLimits.MaxQueryLength)
        {
            throw new QuerySyntaxException(
                $"The query is longer than {SearchLimits.MaxQueryLength} characters.", SearchLimits.MaxQueryLength);
        }

        var elements = QueryTokenizer.Tokenize(text);
        var groups = new List<List<Query>>();
        var exclusions = new List<Query>();
        var highlight = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<Query>? lastGroup = null;
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

            var fields = element.Excluded ? ExcludedFields : WantedFields;
            var perField = fields
                .Select(field => (Field: field, Tokens: TokenInspector.Analyze(_analyzer, field, element.Text)))
                .Where(x => x.Tokens.Count > 0)
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

            var disjunction = new DisjunctionMaxQuery(_weights.TieBreaker);
            foreach (var (field, tokens) in perField)
            {
                var query = FieldQuery(field, tokens);
                query.Boost = Boost(field);
                disjunction.Add(query);
            }

            if (pendingOr && lastGroup is not null)
            {
                lastGroup.Add(disjunction);
            }
            else
            {
                lastGroup = [disjunction];
                groups.Add(lastGroup);
            }

            pendingOr = false;
        }

        if (groups.Count == 0 && (exclusions.Count > 0 || string.IsNullOrWhiteSpace(text)))
        {
            if (exclusions.Count == 0)
            {
                return new ParsedQuery(new MatchAllDocsQuery(), ParsedQueryKind.All, highlight);
            }

            var browse = new BooleanQuery(disableCoord: true) { { new MatchAllDocsQuery(), Occur.MUST } };
            AddExclusions(browse, exclusions);
            return new ParsedQuery(browse, ParsedQueryKind.All, highlight);
        }

        var top = new BooleanQuery(disableCoord: true);
        if (groups.Count == 0)
        {
            return new ParsedQuery(top, ParsedQueryKind.Nothing, highlight);
        }

        foreach (var group in groups)
        {
            var groupQuery = GroupQuery(group);
            top.Add(groupQuery, Occur.SHOULD);

            // A single group would only shift every score by the same constant: leave it out.
            if (groups.Count > 1)
            {
                top.Add(new ConstantScoreQuery(GroupQuery(group)) { Boost = _weights.MatchedWordBonus }, Occur.SHOULD);
            }
        }

        AddExclusions(top, exclusions);
        return new ParsedQuery(top, ParsedQueryKind.Terms, highlight);
    }

    private static Query GroupQuery(List<Query> alternatives)
    {
        if (alternatives.Count == 1)
        {
            return alternatives[0];
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var alternative in alternatives)
        {
            any.Add(alternative, Occur.SHOULD);
        }

        return any;
    }

    private static void AddExclusions(BooleanQuery query, List<Query> exclusions)
    {
        foreach (var exclusion in exclusions)
        {
            query.Add(exclusion, Occur.MUST_NOT);
        }
    }

    // One token: a term; several (a phrase, or a word the tokenizer splits, like "covid-19"): a phrase at the
    // analyzed positions, so a stop word removed inside a quoted phrase still occupies its place.
    private static Query FieldQuery(string field, IReadOnlyList<AnalyzedToken> tokens)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        var phrase = new PhraseQuery();
        var first = tokens[0].Position;
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token.Term), token.Position - first);
        }

        return phrase;
    }

    private float Boost(string field) => field switch
    {
        NewsFields.Title => _weights.Title,
        NewsFields.TitleExact => _weights.TitleExact,
        NewsFields.Body => _weights.Body,
        _ => _weights.BodyExact,
    };
}
