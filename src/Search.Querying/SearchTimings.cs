namespace Search.Querying;

/// <summary>Where one search's time went, in milliseconds: the phases of <see cref="NewsSearcher.Search(SearchRequest)"/>.</summary>
/// <param name="ParseMs">Analyzing the text and building the query.</param>
/// <param name="MatchMs">The pass over the matches: scoring, the total and the facet counts.</param>
/// <param name="RescoreMs">Re-ranking the best candidates with the full ranking, when the configuration ranks in two phases.</param>
/// <param name="CorrectionMs">Looking for a did-you-mean, and the typo-tolerant retry when the query found nothing.</param>
/// <param name="HitsMs">Loading the page's articles and cutting their snippets.</param>
public sealed record SearchTimings(double ParseMs, double MatchMs, double RescoreMs, double CorrectionMs, double HitsMs)
{
    /// <summary>No time recorded (a page served from the result cache, or one with nothing to search).</summary>
    public static SearchTimings None { get; } = new(0, 0, 0, 0, 0);
}
