using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Search.Cli.Bench;

namespace Search.Cli.Tests;

/// <summary>#6: the bench's two load generators send what they are given and report what came back.</summary>
public sealed class LoadGeneratorTests : IAsyncLifetime
{
    private static readonly string[] Targets = ["/a?q=1", "/b", "/missing", "/a?q=2"];

    private readonly ConcurrentDictionary<string, int> _served = new(StringComparer.Ordinal);
    private WebApplication _server = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(context =>
        {
            var target = context.Request.Path + context.Request.QueryString;
            _served.AddOrUpdate(target, 1, (_, count) => count + 1);
            context.Response.StatusCode = context.Request.Path == "/missing" ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            return context.Response.WriteAsync("answer to " + target);
        });
        await _server.StartAsync();
        _address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TheInRepoGeneratorRequestsEveryTargetAndCountsStatuses()
    {
        var report = await HttpLoadGenerator.RunAsync(_address, Targets, 2, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        AssertMatchesServer(report);
    }

    [Fact]
    public async Task WrkRequestsEveryTargetAndCountsStatuses()
    {
        var wrk = WrkLoadGenerator.Find();
        Assert.SkipWhen(wrk is null, "wrk is not installed (Debian: apt-get install wrk; .ci/run installs it)");

        var report = await WrkLoadGenerator.RunAsync(wrk!, _address, Targets, 2, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        AssertMatchesServer(report);
        Assert.InRange(report.Elapsed.TotalSeconds, 0.9, 5);
    }

    [Fact]
    public void ReadsWrksSummaryLine()
    {
        var output = """
            Running 10s test @ http://127.0.0.1:5000
              1 threads and 32 connections
            news-search-wrk requests=6500 duration_us=10001000 connect=1 read=2 write=0 timeout=3 p50_us=48000 p95_us=70500 p99_us=90250 max_us=120000 status_200=6400 status_429=100
            """;

        var report = WrkLoadGenerator.Parse(output, 32);

        Assert.Equal(32, report.Connections);
        Assert.Equal(6500, report.Requests);
        Assert.Equal(10.001, report.Elapsed.TotalSeconds, 6);
        Assert.Equal(new Dictionary<int, int> { [200] = 6400, [429] = 100 }, report.Statuses);
        Assert.Equal(6, report.Errors);
        Assert.Equal((48.0, 70.5, 90.25, 120.0), (report.P50, report.P95, report.P99, report.Max));
        Assert.Equal(6500 / 10.001, report.Throughput, 6);
    }

    [Theory]
    [InlineData("Running 10s test\n  1 threads and 32 connections\n")]
    [InlineData("news-search-wrk requests=12 duration_us=x")]
    [InlineData("news-search-wrk requests=12")]
    public void RejectsOutputWithoutACompleteSummary(string output) =>
        Assert.Throws<FormatException>(() => WrkLoadGenerator.Parse(output, 1));

    [Fact]
    public async Task NeverSendsLoadOffThisMachine()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            WrkLoadGenerator.RunAsync("wrk", new Uri("http://example.com"), Targets, 1, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            HttpLoadGenerator.RunAsync(new Uri("http://192.0.2.1:80"), Targets, 1, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
    }

    // Every target was asked for, the statuses are the server's, and the report counts what the server served: all of it
    // but the requests in flight when the run ended (at most one per connection), which neither generator counts.
    private void AssertMatchesServer(LoadReport report)
    {
        Assert.Equal(0, report.Errors);
        Assert.Equal(Targets.Order(), _served.Keys.Order());
        var missing = _served["/missing"];
        Assert.InRange(missing - report.Statuses.GetValueOrDefault(404), 0, report.Connections);
        Assert.InRange(_served.Values.Sum() - missing - report.Statuses.GetValueOrDefault(200), 0, report.Connections);
        Assert.True(report.Statuses[404] > 0 && report.Statuses[200] > 0);
        Assert.Equal(report.Requests, report.Statuses.Values.Sum());
        Assert.True(report.P50 > 0 && report.P50 <= report.P99 && report.P99 <= report.Max, report.ToString());
    }
}
