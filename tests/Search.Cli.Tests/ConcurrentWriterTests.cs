using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Cli.Tests;

/// <summary>#7: a second writer on the same index fails fast with a clear message and changes nothing.</summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Index => Path.Combine(_temp.Path, "index");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ASecondWriterFailsFastAndTheIndexStaysIntact()
    {
        var batch = CliRunner.TestData("cli", "batch-1.jsonl");
        await CliRunner.RunAsync("index", batch, "--index", Index);
        var generation = new IndexLayout(Index).TryGetCurrent()!;

        CliResult indexWhileLocked, deleteWhileLocked;
        using (var directory = FSDirectory.Open(generation))
        using (new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, NewsAnalyzerFactory.Create())))
        {
            indexWhileLocked = await CliRunner.RunAsync("index", CliRunner.TestData("cli", "batch-2-with-errors.jsonl"), "--index", Index);
            deleteWhileLocked = await CliRunner.RunAsync("delete", "cli-1", "--index", Index);
        }

        var stats = await CliRunner.RunAsync("stats", "--index", Index, "--json");
        var afterwards = await CliRunner.RunAsync("delete", "cli-1", "--index", Index);

        Assert.Equal(3, indexWhileLocked.ExitCode);
        Assert.Contains("Another process is writing the index", indexWhileLocked.Error, StringComparison.Ordinal);
        Assert.Equal(3, deleteWhileLocked.ExitCode);
        Assert.Contains("\"documentCount\": 3", stats.Out, StringComparison.Ordinal); // nothing changed, nothing lost
        Assert.Equal(0, afterwards.ExitCode); // the lock was released with the first writer
        using var checkedDirectory = FSDirectory.Open(generation);
        Assert.True(new CheckIndex(checkedDirectory).DoCheckIndex().Clean);
    }
}
