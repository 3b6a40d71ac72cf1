using Search.Core.Analysis;

namespace Search.Querying;

/// <summary>A ranking configuration: analysis profile, field weights, BM25 parameters, coordination, proximity (#3).</summary>
/// <remarks>
/// Read from JSON by <see cref="Ranking.RankingConfigLoader"/> (property names in camelCase; README "Relevance" documents
/// each). The shipped <c>default</c> and <c>stock</c> configurations are embedded in this assembly. A weight of 0 leaves
/// its field out of the query. Recency is not here: it is a per-request option (#4).
/// </remarks>
public sealed record RankingWeights
{
    /// <summary>A name for reports and run tags.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>The analysis profile (<see cref="AnalysisProfile"/> name) the index must have been built with.</summary>
    public string Analysis { get; init; } = AnalysisProfile.Default.Name;

    /// <summary>Search-box syntax: phrases, exclusions and OR as typed.</summary>
    public const string FullSyntax = "full";

    /// <summary>Search-box syntax where quoted text is searched as its words (exclusions and OR as typed).</summary>
    public const string LooseSyntax = "loose";

    /// <summary>No operators: every piece of the text is a word (the stock behaviour).</summary>
    public const string PlainSyntax = "plain";

    /// <summary>How operators in the text are read: <c>full</c>, <c>loose</c> or <c>plain</c> (see the constants).</summary>
    public string Syntax { get; init; } = FullSyntax;

    /// <summary>Boost of the stemmed title.</summary>
    public float Title { get; init; } = 2.0f;

    /// <summary>Boost of the unstemmed (normalized only) title.</summary>
    public float TitleExact { get; init; } = 2.5f;

    /// <summary>Boost of the stemmed body.</summary>
    public float Body { get; init; } = 1.0f;

    /// <summary>Boost of the unstemmed body.</summary>
    public float BodyExact { get; init; } = 1.3f;

    /// <summary>Boost of the heavy-stemmed body (a recall channel; see <c>RootStemFilter</c>); 0 leaves it out.</summary>
    public float BodyRoot { get; init; }

    /// <summary>Boost of the stemmed lead (first sentences of the body).</summary>
    public float Lead { get; init; }

    /// <summary>Boost of the unstemmed lead.</summary>
    public float LeadExact { get; init; }

    /// <summary>
    /// Share of a word's non-best fields added to its best field score (DisjunctionMaxQuery): 0 counts the best field
    /// only, 1 sums all fields (the stock OR over title and body).
    /// </summary>
    public float TieBreaker { get; init; } = 0.1f;

    /// <summary>
    /// Constant added per matched query word (or OR-group or phrase) when a query has several: a value above any one
    /// word's BM25 contribution (the #2 default, 1000) ranks documents by how many words they match first; 0 turns it off.
    /// </summary>
    public float MatchedWordBonus { get; init; }

    /// <summary>
    /// Coordination exponent: the words' summed score is multiplied by (matched words / query words)^coord.
    /// 0 turns it off (plain BM25 sum); 1 is classic Lucene coord; larger values favour documents with more of the words more strongly.
    /// </summary>
    public float Coord { get; init; }

    /// <summary>
    /// How many of the query's words (groups) a document must match: null or empty for one; a count ("2"), a
    /// negative count of words that may be missing ("-1"), or a percentage of the words rounded down ("60%", "-25%").
    /// </summary>
    public string? MinimumShouldMatch { get; init; }

    /// <summary>Boost of each pair of consecutive query words found side by side (in order) in the stemmed body; 0 for none.</summary>
    public float PhraseBoost { get; init; }

    /// <summary>Boost of each pair of consecutive query words found within <see cref="ProximitySlop"/> positions in the stemmed body; 0 for none.</summary>
    public float ProximityBoost { get; init; }

    /// <summary>The window of <see cref="ProximityBoost"/>: edit distance in positions (Lucene phrase slop) between the two words.</summary>
    public int ProximitySlop { get; init; } = 4;

    /// <summary>
    /// Words dropped from the query (not from documents): interrogatives and question scaffolding such as هل, كيف,
    /// لماذا, اذكر, which questions carry and answers do not. Compared after normalization; a query made only of such
    /// words keeps them. Empty for none.
    /// </summary>
    public IReadOnlyList<string> QueryStopWords { get; init; } = [];

    /// <summary>
    /// Two-phase ranking: how many of the best candidates of a cheap first phase (the stemmed title and body and the
    /// root field, scored plainly) are ranked by the full configuration; 0 ranks every match fully, in one phase.
    /// Matches, totals and facets are the same either way; hits below this depth keep the first phase's order.
    /// </summary>
    public int RescoreDepth { get; init; }

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalization.</summary>
    public float B { get; init; } = 0.75f;

    /// <summary>The shipped default configuration (<c>Ranking/default.json</c>).</summary>
    public static RankingWeights Default => Ranking.RankingConfigLoader.Default;

    /// <summary>The analysis profile this configuration needs.</summary>
    public AnalysisProfile Profile => AnalysisProfile.Find(Analysis)
        ?? throw new InvalidOperationException($"Unknown analysis profile \"{Analysis}\".");
}
