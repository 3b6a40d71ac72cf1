using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Observability;
using Search.Querying;

namespace Search.Api.Tests.Observability;

/// <summary>#22: what one answered search records, in seconds, by phase; timeouts counted.</summary>
public sealed class SearchMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string? Tag)> _measurements = [];

    public SearchMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // This test's meter only: other tests' applications, running at the same time, record into meters of the same name.
            if (instrument.Meter.Name == SearchMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, _services.GetRequiredService<IMeterFactory>()))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void ASearchThatRanRecordsItsDurationAndEachPhaseInSeconds()
    {
        var metrics = new SearchMetrics(_services.GetRequiredService<IMeterFactory>());

        metrics.RecordSearch(Page(tookMs: 12) with { Timings = new SearchTimings(1, 6, 2, 0, 3) });

        Assert.Equal([("search.request.duration", 0.012, "False")], Of("search.request.duration"));
        Assert.Equal(
            [("search.phase.duration", 0.001, "parse"), ("search.phase.duration", 0.006, "match"), ("search.phase.duration", 0.002, "rescore"),
             ("search.phase.duration", 0.0, "correction"), ("search.phase.duration", 0.003, "hits")],
            Of("search.phase.duration"));
        Assert.Empty(Of("search.timeouts"));
    }

    [Fact]
    public void APageFromTheCacheRecordsItsDurationAndNoPhase()
    {
        var metrics = new SearchMetrics(_services.GetRequiredService<IMeterFactory>());

        metrics.RecordSearch(Page(tookMs: 0.5) with { Cached = true, Timings = new SearchTimings(1, 6, 2, 0, 3) });

        Assert.Equal([("search.request.duration", 0.0005, "True")], Of("search.request.duration"));
        Assert.Empty(Of("search.phase.duration"));
    }

    [Fact]
    public void ASearchOutOfItsTimeBudgetIsCounted()
    {
        var metrics = new SearchMetrics(_services.GetRequiredService<IMeterFactory>());

        metrics.RecordSearch(Page(tookMs: 2001) with { TimedOut = true });
        metrics.RecordSearch(Page(tookMs: 3));

        Assert.Equal([("search.timeouts", 1.0, null)], Of("search.timeouts"));
    }

    [Fact]
    public void ASuggestionRecordsItsDurationInSeconds()
    {
        var metrics = new SearchMetrics(_services.GetRequiredService<IMeterFactory>());

        metrics.RecordSuggestion(TimeSpan.FromMilliseconds(0.75));

        Assert.Equal([("search.suggest.duration", 0.00075, null)], Of("search.suggest.duration"));
    }

    private static SearchPage Page(double tookMs) => new("النفط", 3, tookMs, 1, 10, [], SearchFacets.Empty);

    private List<(string, double, string?)> Of(string instrument) =>
        [.. _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Instrument, Math.Round(m.Value, 9), m.Tag))];

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, tags.Length > 0 ? tags[0].Value?.ToString() : null));
        }
    }
}
