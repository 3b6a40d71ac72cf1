using Lucene.Net.Search;

namespace Search.Querying.Parsing;

/// <summary>
/// What a query text asks for, before it becomes Lucene queries: the wanted words (each with its query on every field
/// it is searched in), the exclusions, the proximity pairs and how the words combine. <see cref="Scoring.PlanQueries"/>
/// turns it into the single query of the full ranking, or into a cheap first phase and the candidates' rescoring.
/// </summary>
internal sealed class QueryPlan
{
    /// <summary>The wanted words; a group holds the alternatives typed with OR between them (usually one word).</summary>
    public required IReadOnlyList<IReadOnlyList<PlannedWord>> Groups { get; init; }

    /// <summary>One query per excluded word and stemmed field: any match excludes the article.</summary>
    public required IReadOnlyList<Query> Exclusions { get; init; }

    /// <summary>The proximity clauses on the stemmed body (consecutive single words), boosted by their weight.</summary>
    public required IReadOnlyList<Query> Pairs { get; init; }

    /// <summary>How many groups an article must match (minimum-should-match; 1 when unset).</summary>
    public required int Required { get; init; }

    /// <summary>Whether the groups' summed score is multiplied by the coordination factor.</summary>
    public required bool Coord { get; init; }

    /// <summary>The constant each matched group adds when the query has several (0: none).</summary>
    public required float Bonus { get; init; }

    /// <summary>A word's score: its best field plus this share of the others.</summary>
    public required float TieBreaker { get; init; }

    /// <summary>The weight of the stemmed body, on which a common word beside a rare one is scored (see <see cref="CommonWordQuery"/>).</summary>
    public required float BodyBoost { get; init; }

    /// <summary>Which groups may be common words (null: none can be): decided per index reader.</summary>
    public CommonWords? Common { get; init; }
}

/// <summary>One wanted word or phrase: its query on each field it is searched in, each boosted by the field's weight.</summary>
/// <param name="Fields">Per field, the term (or stacked forms, or phrase) query, in the configuration's field order.</param>
internal sealed record PlannedWord(IReadOnlyList<FieldClause> Fields);

/// <summary>A word's query on one field; <see cref="Query.Boost"/> carries the field's weight.</summary>
internal sealed record FieldClause(string Field, Query Query);
