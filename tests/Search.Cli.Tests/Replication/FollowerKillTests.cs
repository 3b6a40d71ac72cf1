using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Search.Api;
using Search.Core.Storage;
using Search.Indexing;
using Search.Indexing.Corpus;

namespace Search.Cli.Tests.Replication;

/// <summary>
/// #19: a follower killed (SIGKILL) at random moments of a copy leaves its replica serving the last complete
/// generation, without a failed search, and the next run completes the copy from what arrived.
/// </summary>
public sealed class FollowerKillTests : IDisposable
{
    private const int Trials = 4;

    private static readonly string[] Queries = ["الاقتصاد", "مكتبه", "fifa", "مستشفي"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AFollowerKilledAtAnyMomentLeavesTheReplicaServingAndTheNextRunCatchesUp()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "kills a child process");
        var cancel = TestContext.Current.CancellationToken;
        var replica = Path.Combine(_temp.Path, "replica");
        var layout = new IndexLayout(replica);
        await using var primary = await TestPrimary.StartAsync(Path.Combine(_temp.Path, "primary"));
        var seeded = await CliRunner.RunAsync("follow", primary.Address, "--index", replica, "--key", TestPrimary.Key, "--once");
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        var before = ReplicaState.Files(await primary.ManifestAsync());

        // A reindex on the primary with three more articles: its files are new (a reindex of the same articles can
        // write the very same files, which the replica then links), and sent slowly so that kills land during the copy.
        new IndexingService().Reindex(primary.Layout, CorpusFiles.Expand([CliRunner.SampleCorpus, CliRunner.TestData("cli", "batch-1.jsonl")]).Files,
            new IndexingOptions(), cancel);
        var afterManifest = await primary.ManifestAsync();
        var after = ReplicaState.Files(afterManifest);
        primary.Faults.Slow(TimeSpan.FromMilliseconds(100)); // about 3 s for the copy

        // The replica's own API searches throughout.
        await using var api = SearchApiApplication.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = replica;
            builder.Configuration[ApiProtection.PermitsPerSecondKey] = "0";
        });
        await api.StartAsync(cancel);
        using var http = new HttpClient { BaseAddress = new Uri(api.Urls.First()) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var load = Task.Run(() => SearchContinuouslyAsync(http, stop.Token), cancel);

        var random = new Random(19);
        var midCopy = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            using var follower = ChildProcess.NewsSearch("follower", ["follow", primary.Address, "--index", replica, "--key", TestPrimary.Key, "--once"]);

            // From the moment the copy is under way (one trial in four: from the start), a random moment.
            if (random.Next(4) != 0)
            {
                await WaitForCopyAsync(layout, follower);
            }

            await Task.Delay(random.Next(0, 1500), cancel);
            follower.Kill();

            var live = ReplicaState.LiveCommit(replica);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"trial {trial}: {(live.SetEquals(before) ? "old" : "new")} commit live, {(Unfinished(layout) is { } u ? Directory.EnumerateFiles(u).Count() - 1 : 0)} file(s) in an unfinished generation; killed after {started.ElapsedMilliseconds} ms");
            Assert.True(live.SetEquals(before) || live.SetEquals(after), $"trial {trial}: the live commit is neither the old nor the new one");
            if (live.SetEquals(before) && Unfinished(layout) is { } unfinished && Directory.EnumerateFiles(unfinished).Count() > 1)
            {
                midCopy++;
            }
        }

        primary.Faults.Clear();
        var rerun = await CliRunner.RunAsync("follow", primary.Address, "--index", replica, "--key", TestPrimary.Key, "--once");
        await Task.Delay(1000, cancel); // the API picks up the switch
        await stop.CancelAsync();
        var (requests, failures) = await load;

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        ReplicaState.AssertServes(replica, afterManifest);
        Assert.Single(layout.ListGenerations()); // unfinished generations went with the switch
        Assert.True(midCopy > 0, "no kill landed during a copy");
        Assert.Empty(failures);
        Assert.True(requests > 20, $"only {requests} searches on the replica");
    }

    private static string? Unfinished(IndexLayout layout) =>
        layout.ListGenerations().LastOrDefault(g => File.Exists(Path.Combine(g, Search.Cli.Replication.StagingGeneration.MarkerFileName)));

    // Until the unfinished generation holds a file beside its marker (or the follower ended).
    private static async Task WaitForCopyAsync(IndexLayout layout, ChildProcess follower)
    {
        for (var wait = 0; wait < 600 && !follower.HasExited; wait++)
        {
            if (Unfinished(layout) is { } folder && Directory.EnumerateFiles(folder).Count() > 1)
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<(int Requests, List<string> Failures)> SearchContinuouslyAsync(HttpClient http, CancellationToken stop)
    {
        var failures = new List<string>();
        var requests = 0;
        while (!stop.IsCancellationRequested)
        {
            var query = Queries[requests++ % Queries.Length];
            try
            {
                using var response = await http.GetAsync("/search?q=" + Uri.EscapeDataString(query), CancellationToken.None);
                if (!response.IsSuccessStatusCode
                    || (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("total").GetInt32() == 0)
                {
                    failures.Add($"{(int)response.StatusCode} for {query}");
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{query}: {e.Message}");
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return (requests, failures);
    }
}
