using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Search.Api.Replication;

namespace Search.Cli.Tests.Replication;

/// <summary>
/// #19 end to end, every part its own process on loopback: a primary API, two replica APIs each kept in step by a
/// <c>follow</c> process, and Debian's nginx in front with the shipped configuration. A reader searches through nginx
/// without pause while the primary indexes new articles and then reindexes: no request fails, and both replicas serve
/// each of the primary's commits within seconds.
/// </summary>
public sealed partial class ReplicationClusterTests : IDisposable
{
    private const string Key = "the cluster test's replication key, 91b0";

    // Queries with results in the sample corpus, before and after the changes below (as ZeroDowntimeReindexTests).
    private static readonly string[] Queries = ["الاقتصاد", "مكتبه", "2025", "fifa", "مستشفي", "\"معرض الكتاب\""];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // A bound for the test to fail rather than hang, far above the few seconds a replica takes.
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _temp = new();
    private readonly List<ChildProcess> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task ReadersThroughNginxSeeNoFailureWhileThePrimaryIndexesAndReindexes()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "uses POSIX signals and Debian's nginx");
        var nginx = NginxBalancer.Find();
        Assert.SkipWhen(nginx is null, "nginx is not installed (apt-get install nginx; .ci/run installs it)");
        var cancel = TestContext.Current.CancellationToken;
        var primaryRoot = Path.Combine(_temp.Path, "primary");
        string[] replicaRoots = [Path.Combine(_temp.Path, "replica-1"), Path.Combine(_temp.Path, "replica-2")];

        // The primary indexes the project's sample corpus (serve seeds an empty index) and serves it to followers.
        var primary = Start("primary", ["serve", "--index", primaryRoot, "--sample", CliRunner.SampleCorpus, "--urls", "http://127.0.0.1:0"],
            new() { ["Search__Replication__Key"] = Key, ["Search__RateLimit__PermitsPerSecond"] = "0" });
        var primaryUrl = (await primary.WaitForAsync(ServingPattern(), StartTimeout)).Groups[1].Value;
        using var primaryHttp = new HttpClient { BaseAddress = new Uri(primaryUrl) };
        primaryHttp.DefaultRequestHeaders.Add(ReplicationSettings.KeyHeader, Key);

        // Each replica: a first copy, its API (believing nginx's forwarded address), then a follower in the background.
        var replicaUrls = new List<Uri>();
        var followers = new List<ChildProcess>();
        foreach (var (root, number) in replicaRoots.Select((root, i) => (root, i + 1)))
        {
            var seed = await CliRunner.RunAsync("follow", primaryUrl, "--index", root, "--key", Key, "--once");
            Assert.True(seed.ExitCode == 0, seed.Error);
            var api = Start($"replica-{number}", ["serve", "--index", root, "--urls", "http://127.0.0.1:0"], new()
            {
                ["Search__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
                ["Search__RateLimit__PermitsPerSecond"] = "0", // one test client stands for every reader
            });
            replicaUrls.Add(new Uri((await api.WaitForAsync(ServingPattern(), StartTimeout)).Groups[1].Value));
            followers.Add(Start($"follower-{number}", ["follow", primaryUrl, "--index", root, "--interval", "0.5"],
                new() { ["Search__Replication__Key"] = Key })); // the key from the environment, not the command line
        }

        using var balancer = await NginxBalancer.StartAsync(nginx!, Directory.CreateDirectory(Path.Combine(_temp.Path, "nginx")).FullName, replicaUrls);
        using var reader = new HttpClient { BaseAddress = balancer.Address };
        Assert.True(await TotalAsync(reader, Queries[0]) > 0, "no results through nginx before any change");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var searched = new StrongBox<int>();
        var load = Task.Run(() => SearchContinuouslyAsync(reader, searched, stop.Token), cancel);

        // New articles on the primary: both replicas find them.
        var indexed = await CliRunner.RunAsync("index", CliRunner.TestData("cli", "batch-1.jsonl"), "--index", primaryRoot);
        Assert.True(indexed.ExitCode == 0, indexed.Error);
        var indexLag = await WaitForAllAsync(replicaUrls, url => DocumentStatusAsync(url, "cli-1"), HttpStatusCode.OK);
        var afterIndex = await ManifestAsync(primaryHttp);
        Assert.All(replicaRoots, root => Assert.Equal(ReplicaState.Files(afterIndex).Order(), ReplicaState.LiveCommit(root).Order()));

        // A reindex of the sample alone: a new generation on the primary, without the new articles.
        var reindexed = await CliRunner.RunAsync("reindex", CliRunner.SampleCorpus, "--index", primaryRoot);
        Assert.True(reindexed.ExitCode == 0, reindexed.Error);
        var reindexLag = await WaitForAllAsync(replicaUrls, url => DocumentStatusAsync(url, "cli-1"), HttpStatusCode.NotFound);
        var afterReindex = await ManifestAsync(primaryHttp);
        // Searches go on over the replicas' switch and the old generation's retirement: a few more must come back.
        var beforeRetirement = Volatile.Read(ref searched.Value);
        await Task.Delay(1000, cancel);
        for (var wait = 0; wait < 300 && Volatile.Read(ref searched.Value) < beforeRetirement + 3; wait++)
        {
            await Task.Delay(100, cancel);
        }

        await stop.CancelAsync();
        var (requests, failures) = await load;

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{requests} searches through nginx; replicas served the new articles {indexLag.TotalSeconds:F1} s after index ended, "
            + $"the reindexed generation {reindexLag.TotalSeconds:F1} s after reindex ended");
        Assert.Empty(failures);
        Assert.True(requests >= beforeRetirement + 3, $"only {requests - beforeRetirement} searches after the reindexed generation was served");
        Assert.NotEqual(afterIndex.GetProperty("generation").GetString(), afterReindex.GetProperty("generation").GetString());
        Assert.All(replicaRoots, root => ReplicaState.AssertServes(root, afterReindex));
        var log = await File.ReadAllLinesAsync(balancer.AccessLog, cancel);
        var upstreams = log.Select(line => line.Split(' ')[0]).ToHashSet();
        Assert.All(replicaUrls, url => Assert.Contains($"127.0.0.1:{url.Port}", upstreams)); // both replicas took readers
        Assert.DoesNotContain(log, line => line.Contains(", ", StringComparison.Ordinal)); // no request needed a second replica

        // SIGTERM stops a follower cleanly, after it logged each switch.
        foreach (var follower in followers)
        {
            Assert.Equal(0, await follower.SignalAndWaitAsync("TERM", TimeSpan.FromSeconds(30)));
            Assert.True(SwitchPattern().Matches(follower.Output).Count >= 2, follower.Output);
        }

        Assert.Equal(0, await balancer.StopAsync());
    }

    private ChildProcess Start(string name, string[] args, Dictionary<string, string> environment)
    {
        var process = ChildProcess.NewsSearch(name, args, environment);
        _processes.Add(process);
        return process;
    }

    // How long after now every replica answered `expected` for the probe (polled every 100 ms, bounded).
    private static async Task<TimeSpan> WaitForAllAsync(IEnumerable<Uri> replicas, Func<Uri, Task<HttpStatusCode>> probe, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        foreach (var replica in replicas)
        {
            while ((await probe(replica)) != expected)
            {
                Assert.True(clock.Elapsed < CatchUpTimeout, $"{replica} did not follow the primary within {CatchUpTimeout.TotalSeconds} s");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        return clock.Elapsed;
    }

    private static async Task<HttpStatusCode> DocumentStatusAsync(Uri replica, string id)
    {
        using var http = new HttpClient { BaseAddress = replica };
        using var response = await http.GetAsync("/documents/" + id, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static Task<JsonElement> ManifestAsync(HttpClient primary) =>
        primary.GetFromJsonAsync<JsonElement>("/replication/manifest", TestContext.Current.CancellationToken);

    private static async Task<int> TotalAsync(HttpClient http, string query)
    {
        var body = await http.GetFromJsonAsync<JsonElement>("/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);
        return body.GetProperty("total").GetInt32();
    }

    private static async Task<(int Requests, List<string> Failures)> SearchContinuouslyAsync(HttpClient http, StrongBox<int> searched, CancellationToken stop)
    {
        var failures = new List<string>();
        var requests = 0;
        while (!stop.IsCancellationRequested)
        {
            var query = Queries[requests % Queries.Length];
            try
            {
                using var response = await http.GetAsync("/search?q=" + Uri.EscapeDataString(query), CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{(int)response.StatusCode} for {query}: {text}");
                }
                else if (JsonDocument.Parse(text).RootElement.GetProperty("total").GetInt32() == 0)
                {
                    failures.Add($"no results for {query}");
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{query}: {e.Message}");
            }

            requests++;
            Interlocked.Increment(ref searched.Value);
        }

        return (requests, failures);
    }

    [GeneratedRegex(@"Serving \d+ articles on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ServingPattern();

    [GeneratedRegex(@"switched to gen-\d+")]
    private static partial Regex SwitchPattern();
}
