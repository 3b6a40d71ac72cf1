using Lucene.Net.Search;

namespace Search.Querying;

/// <summary>What one pass over the matches produced: the ranked top, the facet counts, the exact total and what to highlight.</summary>
internal sealed record SearchRun(TopFieldCollector Top, FacetCollector Facets, int Total, HighlightTerms Highlight);
