using Lucene.Net.Search;

namespace Search.Querying;

/// <summary>
/// What one pass over the matches produced: the ranked top, the facet counts, the total and what to highlight; when
/// <paramref name="TimedOut"/>, all of them cover only the documents visited within the time budget.
/// </summary>
internal sealed record SearchRun(TopFieldCollector Top, FacetCollector Facets, int Total, HighlightTerms Highlight, bool TimedOut = false);
