using System.Text.Json;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Search.Cli.Replication;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Cli.Tests.Replication;

/// <summary>
/// #19: <c>follow --once</c> against a real primary in this process: it copies the primary's commit and switches,
/// keeps the files it has, and leaves the replica exactly as it was on a wrong key, another schema version, a bad
/// checksum, a primary gone mid-copy (then resumes), or another follower at work; it starts over when the primary
/// moves on mid-copy.
/// </summary>
public sealed partial class FollowCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private TestPrimary _primary = null!;

    private string Replica => Path.Combine(_temp.Path, "replica");

    public async ValueTask InitializeAsync() => _primary = await TestPrimary.StartAsync(Path.Combine(_temp.Path, "primary"));

    public async ValueTask DisposeAsync()
    {
        await _primary.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task CopiesThePrimarysCommitThenSaysItIsInStep()
    {
        var first = await FollowOnceAsync();
        var second = await FollowOnceAsync();
        var search = await CliRunner.RunAsync("search", "الذهب", "--index", Replica, "--json");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("switched to gen-000001", first.Out, StringComparison.Ordinal);
        Assert.Contains("64 documents", first.Out, StringComparison.Ordinal);
        ReplicaState.AssertServes(Replica, await _primary.ManifestAsync());
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("in step", second.Out, StringComparison.Ordinal);
        Assert.Single(new IndexLayout(Replica).ListGenerations());
        Assert.True(JsonDocument.Parse(search.Out).RootElement.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task FollowsNewCommitsAndAReindexKeepingTheFilesItHas()
    {
        await FollowOnceAsync();

        TestPrimary.Index(_primary.Layout, CliRunner.TestData("cli", "batch-1.jsonl"));
        var afterIndex = await FollowOnceAsync();
        var afterIndexManifest = await _primary.ManifestAsync();
        new Search.Indexing.IndexingService().Reindex(_primary.Layout, Search.Indexing.Corpus.CorpusFiles.Expand([CliRunner.SampleCorpus]).Files,
            new Search.Indexing.IndexingOptions(), TestContext.Current.CancellationToken);
        var afterReindex = await FollowOnceAsync();

        Assert.True(afterIndex.ExitCode == 0, afterIndex.Error);
        Assert.Contains("67 documents", afterIndex.Out, StringComparison.Ordinal);
        Assert.True(Kept(afterIndex.Out) > 0, afterIndex.Out); // the first commit's segments were linked, not downloaded
        Assert.Equal("gen-000001", afterIndexManifest.GetProperty("generation").GetString());
        Assert.True(afterReindex.ExitCode == 0, afterReindex.Error);
        Assert.Contains("64 documents", afterReindex.Out, StringComparison.Ordinal);
        var manifest = await _primary.ManifestAsync();
        Assert.Equal("gen-000002", manifest.GetProperty("generation").GetString());
        ReplicaState.AssertServes(Replica, manifest);
        Assert.Equal(["gen-000003"], new IndexLayout(Replica).ListGenerations().Select(Path.GetFileName));
    }

    [Fact]
    public async Task AWrongKeySaysSoAndChangesNothing()
    {
        await FollowOnceAsync();
        TestPrimary.Index(_primary.Layout, CliRunner.TestData("cli", "batch-1.jsonl"));
        var before = ReplicaState.Snapshot(Replica);

        var result = await FollowOnceAsync(key: "not the key");

        Assert.Equal(ExitCodes.IndexFailure, result.ExitCode);
        Assert.Contains("refused the replication key", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal(before, ReplicaState.Snapshot(Replica));
    }

    [Fact]
    public async Task FollowingWithAWrongKeyStopsInsteadOfRetrying()
    {
        var result = await CliRunner.RunAsync("follow", _primary.Address, "--index", Replica, "--key", "not the key", "--interval", "0.2")
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.IndexFailure, result.ExitCode);
        Assert.Contains("refused the replication key", result.Error, StringComparison.Ordinal);
        Assert.Empty(ReplicaState.Snapshot(Replica));
    }

    [Fact]
    public async Task APrimaryOfAnotherSchemaVersionChangesNothing()
    {
        var root = Path.Combine(_temp.Path, "old-primary");
        var layout = new IndexLayout(root);
        TestPrimary.Index(layout, CliRunner.TestData("cli", "batch-1.jsonl"));
        using (var directory = Lucene.Net.Store.FSDirectory.Open(layout.TryGetCurrent()!))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, NewsAnalyzerFactory.Create()) { Codec = NewsCodec.Instance }))
        {
            writer.SetCommitData(new Dictionary<string, string> { [IndexVersion.SchemaKey] = "5", [IndexVersion.AnalysisKey] = "news" });
            writer.Commit();
        }

        await using var old = await TestPrimary.StartAsync(root);

        var result = await CliRunner.RunAsync("follow", old.Address, "--index", Replica, "--key", TestPrimary.Key, "--once");

        Assert.Equal(ExitCodes.IndexFailure, result.ExitCode);
        Assert.Contains("schema version 5", result.Error, StringComparison.Ordinal);
        Assert.Empty(ReplicaState.Snapshot(Replica));
    }

    [Fact]
    public async Task AFileThatFailsItsChecksumIsDiscardedAndNothingIsSwitched()
    {
        await FollowOnceAsync();
        var before = await _primary.ManifestAsync();
        TestPrimary.Index(_primary.Layout, CliRunner.TestData("cli", "batch-1.jsonl"));
        var after = await _primary.ManifestAsync();
        var (name, length, _) = ReplicaState.Files(after).Except(ReplicaState.Files(before)).MaxBy(f => f.Item2);
        _primary.Faults.Tamper(name, length / 2);

        var tampered = await FollowOnceAsync();
        var servedMeanwhile = ReplicaState.LiveCommit(Replica);
        _primary.Faults.Clear();
        var retried = await FollowOnceAsync();

        Assert.True(tampered.ExitCode == ExitCodes.IndexFailure, tampered.Out + tampered.Error);
        Assert.Contains($"{name} from the primary", tampered.Error, StringComparison.Ordinal);
        Assert.Contains("failed its checksum", tampered.Error, StringComparison.Ordinal);
        Assert.Equal(ReplicaState.Files(before).Order(), servedMeanwhile.Order());
        Assert.True(retried.ExitCode == 0, retried.Error);
        ReplicaState.AssertServes(Replica, after);
        Assert.Single(new IndexLayout(Replica).ListGenerations());
    }

    [Fact]
    public async Task APrimaryGoneMidCopyLeavesTheReplicaAsItWasAndTheNextRunResumesTheFile()
    {
        var manifest = await _primary.ManifestAsync();
        var (name, length, _) = ReplicaState.Files(manifest).MaxBy(f => f.Item2);
        _primary.Faults.AbortAfter(name, length / 2);

        var broken = await FollowOnceAsync();
        var liveMeanwhile = new IndexLayout(Replica).TryGetCurrent();
        var part = Directory.EnumerateFiles(Replica, name + ".*.part", SearchOption.AllDirectories).Single();
        var arrived = new FileInfo(part).Length;
        _primary.Faults.Clear();
        var resumed = await FollowOnceAsync();

        Assert.True(broken.ExitCode == ExitCodes.IndexFailure, broken.Out + broken.Error);
        Assert.Contains($"went away while sending {name}", broken.Error, StringComparison.Ordinal);
        Assert.Null(liveMeanwhile);
        Assert.InRange(arrived, 1, length / 2);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains(_primary.Faults.FileRequests, r => r.Name == name && r.Range == $"bytes={arrived}-");
        ReplicaState.AssertServes(Replica, manifest);
        Assert.Single(new IndexLayout(Replica).ListGenerations());
    }

    [Fact]
    public async Task AWriteTheFileSystemRefusesLeavesTheReplicaAsItWas()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "limits a child process's file size with bash's ulimit");
        await FollowOnceAsync();
        var before = await _primary.ManifestAsync();
        new Search.Indexing.IndexingService().Reindex(_primary.Layout,
            Search.Indexing.Corpus.CorpusFiles.Expand([CliRunner.SampleCorpus, CliRunner.TestData("cli", "batch-1.jsonl")]).Files,
            new Search.Indexing.IndexingOptions(), TestContext.Current.CancellationToken);

        // A file size limit of 40 KiB stands in for a full disk: the write of a larger file fails as ENOSPC would
        // (SIGXFSZ ignored, so the write returns an error; the runtime's W^X mapping needs a file over the limit).
        var dll = Path.Combine(AppContext.BaseDirectory, "news-search.dll");
        using var follower = ChildProcess.Start("follower", "bash",
            ["-c", "trap '' XFSZ; ulimit -f 40; exec \"$@\"", "bash", "dotnet", dll, "follow", _primary.Address, "--index", Replica, "--key", TestPrimary.Key, "--once"],
            new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" });
        await follower.WaitForExitAsync(TimeSpan.FromSeconds(120));
        var servedMeanwhile = ReplicaState.LiveCommit(Replica);
        var retried = await FollowOnceAsync();

        Assert.True(follower.ExitCode == ExitCodes.IndexFailure, follower.Output);
        Assert.StartsWith($"Cannot write the replica at {Replica}", follower.Output, StringComparison.Ordinal);
        Assert.Contains("The live index is unchanged.", follower.Output, StringComparison.Ordinal);
        Assert.Single(follower.Output.Trim().Split('\n'));
        Assert.Equal(ReplicaState.Files(before).Order(), servedMeanwhile.Order());
        Assert.True(retried.ExitCode == 0, retried.Error);
        ReplicaState.AssertServes(Replica, await _primary.ManifestAsync());
    }

    [Fact]
    public async Task ACopyOfACommitThePrimaryStoppedServingStartsOverAgainstTheNewOne()
    {
        var clock = new ManualClock();
        await using var primary = await TestPrimary.StartAsync(Path.Combine(_temp.Path, "moving-primary"), clock);
        var first = await primary.ManifestAsync();
        var held = ReplicaState.Files(first).Select(f => f.Item1).Order(StringComparer.Ordinal).First();
        primary.Faults.Hold(held);

        var following = CliRunner.RunAsync("follow", primary.Address, "--index", Replica, "--key", TestPrimary.Key, "--once");
        await primary.Faults.Held.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        TestPrimary.Index(primary.Layout, CliRunner.TestData("cli", "batch-1.jsonl"));
        var second = await primary.ManifestAsync();            // the new commit is live, the first is kept for a while
        clock.Advance(Api.Replication.ReplicationSettings.Retention + TimeSpan.FromSeconds(1));
        await primary.ManifestAsync();                         // ... and now let go
        primary.Faults.Release();
        var result = await following;

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"commit {second.GetProperty("commit").GetString()}", result.Out, StringComparison.Ordinal);
        Assert.NotEqual(first.GetProperty("commit").GetString(), second.GetProperty("commit").GetString());
        ReplicaState.AssertServes(Replica, second);
    }

    [Fact]
    public async Task AnotherFollowerWritingTheRootIsRefused()
    {
        using var other = FollowerLock.Acquire(Replica);

        var result = await FollowOnceAsync();

        Assert.Equal(ExitCodes.IndexFailure, result.ExitCode);
        Assert.Contains("Another follow process", result.Error, StringComparison.Ordinal);
        Assert.Empty(new IndexLayout(Replica).ListGenerations());
    }

    [Theory]
    [InlineData("not-a-url", "--key", "k")]
    [InlineData("ftp://127.0.0.1/", "--key", "k")]
    [InlineData("http://127.0.0.1:9/", "--key", "k", "--interval", "0")]
    [InlineData("http://127.0.0.1:9/")]
    public async Task ABadCommandLineIsAUsageError(params string[] args)
    {
        var result = await CliRunner.RunAsync(["follow", .. args, "--index", Replica, "--once"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.False(Directory.Exists(Replica));
    }

    [Fact]
    public async Task AnUnreachablePrimaryIsAnIndexFailureInOneLine()
    {
        var result = await CliRunner.RunAsync("follow", "http://127.0.0.1:9/", "--index", Replica, "--key", "k", "--once");

        Assert.Equal(ExitCodes.IndexFailure, result.ExitCode);
        Assert.StartsWith("Cannot reach the primary at http://127.0.0.1:9/", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    private Task<CliResult> FollowOnceAsync(string key = TestPrimary.Key) =>
        CliRunner.RunAsync("follow", _primary.Address, "--index", Replica, "--key", key, "--once");

    private static int Kept(string output) => int.Parse(KeptPattern().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+) kept")]
    private static partial Regex KeptPattern();
}
