namespace Search.Querying;

/// <summary>One article in a page of results.</summary>
/// <param name="Id">Article id.</param>
/// <param name="Title">Headline (plain text, not escaped), or null.</param>
/// <param name="Snippet">
/// HTML: the best one or two fragments of the body around the matches, escaped, matched words in &lt;mark&gt;, joined
/// and framed by " … " where text was left out. Text keeps its logical order; no direction marks are added.
/// </param>
/// <param name="Category">Category, or null.</param>
/// <param name="Source">Source, or null.</param>
/// <param name="Url">Original URL, or null.</param>
/// <param name="Date">Publication date as the source wrote it (ISO 8601), or null.</param>
/// <param name="Score">Relevance score (see <see cref="RankingWeights.MatchedWordBonus"/>), times the recency factor when asked for.</param>
public sealed record SearchHit(
    string Id,
    string? Title,
    string Snippet,
    string? Category,
    string? Source,
    string? Url,
    string? Date,
    float Score)
{
    /// <summary>HTML: the whole title, escaped, with matched words in &lt;mark&gt;; null when there is no title.</summary>
    public string? TitleHighlighted { get; init; }

    /// <summary>
    /// When the page is collapsed (<see cref="SearchPage.Collapsed"/>): the other live articles of this story, newest
    /// first, at most 20; empty otherwise or when it has none.
    /// </summary>
    public IReadOnlyList<Collapsing.StoryCopy> Copies { get; init; } = [];

    /// <summary>How many other articles carry this story (all of them, also beyond those listed in <see cref="Copies"/>).</summary>
    public int CopyCount { get; init; }
}
