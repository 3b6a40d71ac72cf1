using Search.Querying;

namespace Search.Api.Observability;

/// <summary>
/// Writes one structured event (category <see cref="Category"/>) for each search that took at least
/// <see cref="ObservabilitySettings.SlowQueryMs"/>: the query and every parameter, the total, tookMs, each phase's time,
/// and the <c>news-search search</c> command that replays it. Never who asked: no client address, no headers.
/// </summary>
public sealed partial class SlowQueryLog
{
    /// <summary>The log category, so that its level can be set on its own (<c>Logging:LogLevel:Search.SlowQuery</c>).</summary>
    public const string Category = "Search.SlowQuery";

    private readonly ILogger _logger;
    private readonly double _thresholdMs;

    public SlowQueryLog(ILoggerFactory loggers, ObservabilitySettings settings)
    {
        _logger = loggers.CreateLogger(Category);
        _thresholdMs = settings.SlowQueryMs;
    }

    /// <summary>Logs the search when it took the threshold or more (and the category is enabled).</summary>
    public void Consider(SearchRequest request, SearchPage page)
    {
        if (page.TookMs < _thresholdMs || !_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        // A page from the result cache ran no phase now (it keeps the times of the search that computed it).
        var timings = page.Cached ? null : page.Timings;
        Slow(_logger, Round(page.TookMs), page.Total, request.Query ?? string.Empty, request.Page, request.Size,
            Join(request.Categories), Join(request.Sources), Join(request.Months),
            request.From is { } from ? ReplayCommand.Instant(from) : null, request.To is { } to ? ReplayCommand.Instant(to) : null,
            ReplayCommand.SortName(request.Sort), request.RecencyHalfLifeDays,
            Round(timings?.ParseMs), Round(timings?.MatchMs), Round(timings?.RescoreMs), Round(timings?.CorrectionMs), Round(timings?.HitsMs),
            page.Cached, page.TimedOut, _thresholdMs, ReplayCommand.For(request));
    }

    [LoggerMessage(EventId = 2201, EventName = "SlowSearch", Level = LogLevel.Information, Message =
        "Search took {TookMs} ms: {Total} results for {Query} (page {Page}, size {Size}, category {Category}, source {Source}, "
        + "month {Month}, from {From}, to {To}, sort {Sort}, recency {Recency}); parse {ParseMs} ms, match {MatchMs} ms, "
        + "rescore {RescoreMs} ms, correction {CorrectionMs} ms, hits {HitsMs} ms; cached {Cached}, timed out {TimedOut}; "
        + "threshold {ThresholdMs} ms; replay: {Replay}")]
    private static partial void Slow(ILogger logger, double tookMs, int total, string query, int page, int size,
        string? category, string? source, string? month, string? from, string? to, string sort, double? recency,
        double? parseMs, double? matchMs, double? rescoreMs, double? correctionMs, double? hitsMs,
        bool cached, bool timedOut, double thresholdMs, string replay);

    private static double Round(double ms) => Math.Round(ms, 3);

    private static double? Round(double? ms) => ms is { } value ? Round(value) : null;

    // Values of one filter are alternatives; the replay command carries them exactly, this is for reading and grouping.
    private static string? Join(IReadOnlyList<string>? values) => values is { Count: > 0 } ? string.Join(", ", values) : null;
}
