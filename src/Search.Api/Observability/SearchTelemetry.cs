using Search.Querying;

namespace Search.Api.Observability;

/// <summary>What the endpoints report once a search or a suggestion is answered: metrics and the slow-query log.</summary>
public sealed class SearchTelemetry(SearchMetrics metrics, SlowQueryLog slowQueries)
{
    /// <summary>Records an answered search; the page carries its times (tookMs and each phase), measured by the searcher.</summary>
    public void Searched(SearchRequest request, SearchPage page)
    {
        metrics.RecordSearch(page);
        slowQueries.Consider(request, page);
    }

    /// <summary>Records the time one <c>/suggest</c> took.</summary>
    public void Suggested(TimeSpan elapsed) => metrics.RecordSuggestion(elapsed);
}
