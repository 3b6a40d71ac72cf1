using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Querying;

/// <summary>The terms a (rewritten) query matches, per field, so highlighting marks exactly what matched.</summary>
/// <remarks>
/// Taken from the query itself rather than from the query text, so every form that matched is marked: the stemmed
/// term in a stemmed field, the normalized one in an exact field, and each spelling a typo-tolerant (fuzzy) query
/// expanded to. Excluded (MUST_NOT) terms are not extracted, so they are never marked.
/// </remarks>
internal sealed class HighlightTerms
{
    private readonly Dictionary<string, HashSet<string>> _byField = new(StringComparer.Ordinal);

    public static HighlightTerms Empty { get; } = new();

    /// <summary>Collects the terms of <paramref name="rewritten"/>, a query already rewritten by the searcher.</summary>
    public static HighlightTerms From(Query rewritten)
    {
        var terms = new HashSet<Term>();
        try
        {
            rewritten.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            // A query type without terms to extract (none of ours today): highlight nothing rather than fail the search.
        }

        var result = new HighlightTerms();
        foreach (var term in terms)
        {
            if (!result._byField.TryGetValue(term.Field, out var set))
            {
                result._byField[term.Field] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(term.Text);
        }

        return result;
    }

    /// <summary>
    /// The terms of a plan's wanted words in every field but the root field: what the words matched as, not what their
    /// heavy stems reached (a root-level match is a recall channel, not something to mark in a snippet).
    /// </summary>
    public static HighlightTerms From(Parsing.QueryPlan plan)
    {
        var query = new BooleanQuery();
        foreach (var clause in plan.Groups.SelectMany(group => group).SelectMany(word => word.Fields))
        {
            if (clause.Field != Search.Core.Schema.NewsFields.BodyRoot)
            {
                query.Add(clause.Query, Occur.SHOULD);
            }
        }

        return From(query);
    }

    /// <summary>Builds a set by hand (tests, tools).</summary>
    public static HighlightTerms Of(params (string Field, string Term)[] terms)
    {
        var result = new HighlightTerms();
        foreach (var (field, term) in terms)
        {
            if (!result._byField.TryGetValue(field, out var set))
            {
                result._byField[field] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(term);
        }

        return result;
    }

    public bool IsEmpty => _byField.Count == 0;

    /// <summary>The terms of <paramref name="fields"/> together (empty when none).</summary>
    public IReadOnlySet<string> For(params string[] fields)
    {
        if (fields.Length == 1)
        {
            return _byField.TryGetValue(fields[0], out var one) ? one : EmptySet;
        }

        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (_byField.TryGetValue(field, out var set))
            {
                union.UnionWith(set);
            }
        }

        return union;
    }

    private static readonly HashSet<string> EmptySet = [];
}
