using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Search.Api;
using Search.Cli.Bench;
using Search.Core.Storage;
using Search.Indexing;
using Search.Indexing.Corpus;

namespace Search.Cli.Tests;

/// <summary>
/// #7: a soak at 64 concurrent connections on /search and /suggest: zero errors, memory stable after warm-up. Five seconds by default so the
/// test command stays fast; SEARCH_SOAK_SECONDS=60 for the full soak. Throughput and p99 go to the test output.
/// </summary>
public sealed class SoakTests : IDisposable
{
    private const int Connections = 64;

    private static readonly string[] Queries =
    [
        "الاقتصاد", "مكتبه", "2025", "fifa", "مستشفي", "\"معرض الكتاب\"", "الاسلام", "اسعار النفط", "المنتخب -الكاس",
        "الذهب OR النفط", "وزير الخارجية", "كأس العالم", "الأمم المتحدة", "سوريا", "الانتخابات", "التكنولوجيا",
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("SEARCH_SOAK_SECONDS"), out var s) ? s : 5);

    [Fact]
    public async Task SixtyFourConnectionsGetNoErrorAndMemoryStaysFlat()
    {
        var cancel = TestContext.Current.CancellationToken;
        var layout = new IndexLayout(Path.Combine(_temp.Path, "index"));
        // The shared 2,000-article sample when it is there (closer to production), else the project's own sample.
        var corpus = CliRunner.SharedCorpus("news-sample.jsonl.gz") ?? CliRunner.SampleCorpus;
        new IndexingService().Index(layout, CorpusFiles.Expand([corpus]).Files, new IndexingOptions(), cancel);
        await using var app = SearchApiApplication.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = layout.Root;
            builder.Configuration[ApiProtection.PermitsPerSecondKey] = "0"; // one client at full speed
        });
        await app.StartAsync(cancel);
        var address = new Uri(app.Urls.First());
        string[] targets =
        [
            .. Queries.Select(q => "/search?q=" + Uri.EscapeDataString(q)),
            .. Queries.Select(q => "/search?size=20&sort=date&q=" + Uri.EscapeDataString(q)),
            .. Queries.Select(q => "/suggest?q=" + Uri.EscapeDataString(q[..Math.Min(q.Length, 4)])),
            "/search?category=economy", "/health",
        ];

        await HttpLoadGenerator.RunAsync(address, targets, Connections, TimeSpan.FromSeconds(2), cancel); // warm-up
        var heapBefore = SettledHeap();
        var residentBefore = Process.GetCurrentProcess().WorkingSet64;
        var report = await HttpLoadGenerator.RunAsync(address, targets, Connections, Duration, cancel);
        var heapAfter = SettledHeap();
        var residentAfter = Process.GetCurrentProcess().WorkingSet64;

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"resident memory {residentBefore >> 20} MiB -> {residentAfter >> 20} MiB; managed heap {heapBefore >> 20} MiB -> {heapAfter >> 20} MiB");
        Assert.Equal(0, report.Errors);
        Assert.Equal([200], report.Statuses.Keys);
        Assert.True(report.Requests > Connections, report.ToString());

        // Stable: after warm-up the managed heap does not keep what requests allocate (a leak grows with requests).
        Assert.True(heapAfter - heapBefore < 64L << 20, $"managed heap grew from {heapBefore >> 20} to {heapAfter >> 20} MiB");
    }

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
