using Microsoft.Extensions.Logging;
using Search.Api.Observability;
using Search.Api.Tests.Support;
using static Search.Api.Tests.Support.Http;

namespace Search.Api.Tests.Observability;

/// <summary>#22: a search at or over Search:Logging:SlowQueryMs writes one structured event an analyst can replay.</summary>
public sealed class SlowQueryLogTests : IDisposable
{
    private static readonly string[] Fields =
    [
        "Query", "Page", "Size", "Category", "Source", "Month", "From", "To", "Sort", "Recency", "Total", "TookMs",
        "ParseMs", "MatchMs", "RescoreMs", "CorrectionMs", "HitsMs", "Cached", "TimedOut", "ThresholdMs", "Replay",
    ];

    private readonly ApiIndex _index = ApiIndex.WithTiny();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task AThresholdOfZeroLogsEverySearchWithEveryFieldAndNoClientAddress()
    {
        using var logs = new LogCapture();
        await using var api = await KestrelApi.StartAsync(_index.Root, new Dictionary<string, string?>
        {
            [ObservabilitySettings.SlowQueryMsKey] = "0",
        }, logs);

        var (status, page, _) = await GetJsonAsync(api.Client,
            $"search?q={Query("أسعار النفط")}&page=1&size=3&source={Query("الجزيرة")}&source={Query("العربية")}&from=2020-01-01&to=2030-12-31&sort=date&recency=30");
        await GetJsonAsync(api.Client, $"search?q={Query("النفط")}");

        Assert.Equal(200, status);
        var events = logs.Events.Where(e => e.Category == SlowQueryLog.Category).ToList();
        Assert.Equal(2, events.Count);
        var slow = events[0];
        Assert.Equal(LogLevel.Information, slow.Level);
        Assert.Equal("SlowSearch", slow.EventId.Name);
        Assert.All(Fields, field => Assert.True(slow.Properties.ContainsKey(field), $"no {field} in {slow.Message}"));
        Assert.Equal("أسعار النفط", slow.Properties["Query"]);
        Assert.Equal(1, slow.Properties["Page"]);
        Assert.Equal(3, slow.Properties["Size"]);
        Assert.Equal("الجزيرة, العربية", slow.Properties["Source"]);
        Assert.Null(slow.Properties["Category"]);
        Assert.Equal("2020-01-01T00:00:00Z", slow.Properties["From"]);
        Assert.Equal("2030-12-31T23:59:59.999Z", slow.Properties["To"]);
        Assert.Equal("date", slow.Properties["Sort"]);
        Assert.Equal(30.0, slow.Properties["Recency"]);
        Assert.Equal(page.GetProperty("total").GetInt32(), slow.Properties["Total"]);
        Assert.Equal(Math.Round(page.GetProperty("tookMs").GetDouble(), 1), Math.Round((double)slow.Properties["TookMs"]!, 1));
        Assert.IsType<double>(slow.Properties["MatchMs"]);
        Assert.Equal(false, slow.Properties["Cached"]);
        Assert.Equal(0.0, slow.Properties["ThresholdMs"]);
        Assert.Equal(
            "news-search search 'أسعار النفط' --page 1 --size 3 --source 'الجزيرة' --source 'العربية' "
            + "--from 2020-01-01T00:00:00Z --to 2030-12-31T23:59:59.999Z --sort date --recency 30",
            slow.Properties["Replay"]);

        // The client is 127.0.0.1 on this connection: nothing of it is written.
        Assert.All(slow.Properties.Values, value => Assert.DoesNotContain("127.0.0.1", value?.ToString() ?? "", StringComparison.Ordinal));
        Assert.DoesNotContain("127.0.0.1", slow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageFromTheResultCacheIsLoggedWithoutPhaseTimes()
    {
        using var logs = new LogCapture();
        await using var api = await KestrelApi.StartAsync(_index.Root, new Dictionary<string, string?>
        {
            [ObservabilitySettings.SlowQueryMsKey] = "0",
        }, logs);
        var url = $"search?q={Query("النفط")}";

        await GetJsonAsync(api.Client, url);
        await GetJsonAsync(api.Client, url);

        var cached = logs.Events.Where(e => e.Category == SlowQueryLog.Category).Last();
        Assert.Equal(true, cached.Properties["Cached"]);
        Assert.Null(cached.Properties["MatchMs"]);
        Assert.Null(cached.Properties["HitsMs"]);
    }

    [Fact]
    public async Task ASearchUnderTheThresholdWritesNothing()
    {
        using var logs = new LogCapture();
        await using var api = await KestrelApi.StartAsync(_index.Root, new Dictionary<string, string?>
        {
            [ObservabilitySettings.SlowQueryMsKey] = "600000",
        }, logs);

        var (status, _, _) = await GetJsonAsync(api.Client, $"search?q={Query("النفط")}");

        Assert.Equal(200, status);
        Assert.DoesNotContain(logs.Events, e => e.Category == SlowQueryLog.Category);
    }
}
