using Lucene.Net.Search;

namespace Search.Querying;

/// <summary>
/// What one search over the matches produced: the best hits in order (as many as the page needs), the facet counts, the
/// total and what to highlight; when <paramref name="TimedOut"/>, all of them cover only the documents visited within the
/// time budget. <paramref name="RescoreMs"/> is the time the second phase of a two-phase search took (0 for one phase).
/// </summary>
internal sealed record SearchRun(ScoreDoc[] Ranked, FacetCollector Facets, int Total, HighlightTerms Highlight, bool TimedOut = false, double RescoreMs = 0);
