using System.Diagnostics.Metrics;
using Search.Querying;

namespace Search.Api.Observability;

/// <summary>
/// The instruments a search records as it is answered: its duration, the duration of each phase, timeouts, and the
/// duration of a suggestion. Names and units follow OpenTelemetry's semantic conventions (seconds, dotted names).
/// </summary>
/// <remarks>
/// The instruments exist whether or not metrics are exported: with no listener (<c>Search:Metrics:Enabled</c> off), a
/// recording is a check of an empty list. With the exporter on, each one is a lock-free bucket update; tags are
/// preallocated so that recording allocates nothing.
/// </remarks>
public sealed class SearchMetrics
{
    /// <summary>Name of the meter of the service's own instruments.</summary>
    public const string MeterName = "Search.Api";

    // Searches take from a tenth of a millisecond (a cached page) to the 2 s time budget; suggestions under a millisecond.
    // The buckets of http.server.request.duration start at 5 ms and would put nearly every search in the first one.
    private static readonly IReadOnlyList<double> Buckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private static readonly KeyValuePair<string, object?> Cached = new("search.cached", true);
    private static readonly KeyValuePair<string, object?> Computed = new("search.cached", false);
    private static readonly KeyValuePair<string, object?> Parse = new("search.phase", "parse");
    private static readonly KeyValuePair<string, object?> Match = new("search.phase", "match");
    private static readonly KeyValuePair<string, object?> Rescore = new("search.phase", "rescore");
    private static readonly KeyValuePair<string, object?> Correction = new("search.phase", "correction");
    private static readonly KeyValuePair<string, object?> Hits = new("search.phase", "hits");

    private readonly Histogram<double> _searchDuration;
    private readonly Histogram<double> _phaseDuration;
    private readonly Counter<long> _timeouts;
    private readonly Histogram<double> _suggestDuration;

    public SearchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets };
        _searchDuration = meter.CreateHistogram("search.request.duration", "s",
            "Time to answer a search (tookMs), from the query text to the page; search.cached tells a page from the result cache.", advice: advice);
        _phaseDuration = meter.CreateHistogram("search.phase.duration", "s",
            "Time of each phase of a search that ran (not from the cache): parse, match (scoring, total and facets), rescore, correction, hits (stored fields and snippets).",
            advice: advice);
        _timeouts = meter.CreateCounter<long>("search.timeouts", "{search}",
            "Searches that ran out of their time budget and answered with what they had visited.");
        _suggestDuration = meter.CreateHistogram("search.suggest.duration", "s", "Time to compute the completions of one /suggest.", advice: advice);
    }

    /// <summary>Records a search's duration and, when it ran rather than came from the cache, the time of each phase.</summary>
    public void RecordSearch(SearchPage page)
    {
        _searchDuration.Record(page.TookMs / 1000, page.Cached ? Cached : Computed);
        if (page.TimedOut)
        {
            _timeouts.Add(1);
        }

        // A cached page keeps the times of the search that computed it: no phase ran now.
        if (page.Cached)
        {
            return;
        }

        // Every phase is recorded for every search that ran, zero included, so each phase's count is the number of
        // searches and its sum over that count is the phase's mean share of a search.
        var timings = page.Timings;
        _phaseDuration.Record(timings.ParseMs / 1000, Parse);
        _phaseDuration.Record(timings.MatchMs / 1000, Match);
        _phaseDuration.Record(timings.RescoreMs / 1000, Rescore);
        _phaseDuration.Record(timings.CorrectionMs / 1000, Correction);
        _phaseDuration.Record(timings.HitsMs / 1000, Hits);
    }

    /// <summary>Records the time one <c>/suggest</c> took to compute its completions.</summary>
    public void RecordSuggestion(TimeSpan elapsed) => _suggestDuration.Record(elapsed.TotalSeconds);
}
