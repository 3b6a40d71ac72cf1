using Lucene.Net.Search;

namespace Search.Querying;

/// <summary>What <see cref="NewsQueryParser"/> made of a query text: the Lucene query and what to highlight.</summary>
public sealed class ParsedQuery
{
    internal ParsedQuery(Query query, ParsedQueryKind kind, IReadOnlySet<string> highlightTerms)
    {
        Query = query;
        Kind = kind;
        HighlightTerms = highlightTerms;
    }

    /// <summary>The query to run (before filters).</summary>
    public Query Query { get; }

    /// <summary>Whether the text had words, had none, or analyzed to nothing.</summary>
    public ParsedQueryKind Kind { get; }

    /// <summary>The words and how they combine, for a two-phase search; null unless <see cref="Kind"/> is <see cref="ParsedQueryKind.Terms"/>.</summary>
    internal Parsing.QueryPlan? Plan { get; init; }

    /// <summary>The stemmed terms of the wanted words and phrases, to mark in snippets (never excluded ones).</summary>
    public IReadOnlySet<string> HighlightTerms { get; }
}
