using Microsoft.Extensions.DependencyInjection;
using Search.Api.Tests.Support;

namespace Search.Api.Tests;

/// <summary>A bad setting stops the start-up with the key and the value, not the first request that reads it.</summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly ApiIndex _index = ApiIndex.WithTiny();

    public void Dispose() => _index.Dispose();

    // The start-up path of Program and `serve`: settings and the searcher are read while the application is composed.
    [Theory]
    [InlineData(SearchBoxSettings.RecencyHalfLifeKey, "-3")]
    [InlineData(SearchBoxSettings.RecencyHalfLifeKey, "soon")]
    [InlineData(SearchApiApplication.ResultCacheEntriesKey, "-1")]
    [InlineData(SearchApiApplication.ResultCacheEntriesKey, "many")]
    [InlineData(SearchApiApplication.ResultCacheEntriesKey, "1.5")]
    [InlineData(SearchApiApplication.ResultCacheEntriesKey, "99999999999")]
    public void ABadValueStopsTheStartUpWithTheKeyAndTheValue(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SearchApiApplication.Create([], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = _index.Root;
            builder.Configuration[key] = value;
        }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGoodRecencyHalfLifeStartsTheApplication()
    {
        var app = SearchApiApplication.Create([], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = _index.Root;
            builder.Configuration[SearchBoxSettings.RecencyHalfLifeKey] = "30";
        });

        Assert.Equal(30, app.Services.GetRequiredService<SearchBoxSettings>().RecencyHalfLifeDays);
        (app as IDisposable)?.Dispose();
    }
}
