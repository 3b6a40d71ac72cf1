using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Cli.Tests;

/// <summary>
/// #7: bulk <c>index</c> killed (SIGKILL) at random moments: every time the index opens, passes CheckIndex and holds
/// only whole documents of its input, with no duplicate; running the same <c>index</c> again completes it. And Ctrl+C
/// (SIGINT) or SIGTERM commits what was indexed and exits 130. Runs the real executable in a child process.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Articles = 12_000;

    // The signal must land while the input is still being read (once every record is read, the run completes whatever the
    // signal says): the first progress line comes about 2 s into the run, and 12,000 articles took 6 s in all on a busy
    // 2-core machine. Twice as many leave a margin for a slow test host.
    private const int InterruptedArticles = 24_000;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Kill trials: 10 by default; more with SEARCH_KILL_TRIALS (the long run).</summary>
    private static int Trials =>
        int.TryParse(Environment.GetEnvironmentVariable("SEARCH_KILL_TRIALS"), out var trials) ? trials : 10;

    [Fact]
    public async Task KilledIndexingLeavesAConsistentIndexThatARerunCompletes()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "uses POSIX signals");
        var input = WriteCorpus(Articles);
        var bodies = ReadBodies(input);
        var index = Path.Combine(_temp.Path, "index");
        var random = new Random(29);
        var committedCounts = new List<int>();

        for (var trial = 0; trial < Trials; trial++)
        {
            using var child = Start("index", input, "--index", index, "--commit-every", "0.3");

            // Start-up and indexing speed vary with the machine's load (a loaded CI run once had every kill land before
            // the first document was committed): kill at a random moment counted from the first commit that holds
            // documents (and, one trial in four, before it), rather than from process start.
            if (random.Next(4) != 0)
            {
                await WaitForCommittedDocumentsAsync(index, child);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 2000)), TestContext.Current.CancellationToken);
            child.Kill(); // SIGKILL: no handler runs, no commit, no cleanup
            await child.WaitForExitAsync(TestContext.Current.CancellationToken);

            committedCounts.Add(AssertConsistent(index, bodies));
        }

        var rerun = await RunAsync("index", input, "--index", index, "--json");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(Articles, AssertConsistent(index, bodies));
        Assert.True(committedCounts.Exists(count => count > 0 && count < Articles),
            $"no kill landed mid-run: {string.Join(", ", committedCounts)}");
    }

    [Theory]
    [InlineData(SignalInterrupt)] // Ctrl+C
    [InlineData(SignalTerminate)] // kill <pid>, systemd stop: what stops a run started in the background
    public async Task InterruptCommitsWhatWasIndexedAndSaysSo(int signal)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "uses POSIX signals");
        var input = WriteCorpus(InterruptedArticles);
        var index = Path.Combine(_temp.Path, "index");
        var progress = new TaskCompletionSource();
        using var child = Start(["index", input, "--index", index, "--commit-every", "0", "--json"],
            line => { if (line.StartsWith("{\"documents\":", StringComparison.Ordinal)) { progress.TrySetResult(); } }); // --json progress
        await progress.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken); // indexing is under way

        // kill(2) itself: no process to start between the progress line and the signal.
        Assert.True(Kill(child.Id, signal) == 0, $"kill({child.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");

        var output = await child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await child.WaitForExitAsync(TestContext.Current.CancellationToken);
        var summary = JsonDocument.Parse(output).RootElement;
        var indexed = summary.GetProperty("indexed").GetInt64();

        Assert.Equal(130, child.ExitCode);
        Assert.StartsWith("cancelled", summary.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.InRange(indexed, 1, InterruptedArticles - 1);
        Assert.Equal(indexed, AssertConsistent(index, ReadBodies(input))); // all of it committed, nothing more
    }

    // Opens the last commit, runs CheckIndex, and checks each document is a whole input record, once. Returns the count.
    private static int AssertConsistent(string root, IReadOnlyDictionary<string, string> bodies)
    {
        var generation = new IndexLayout(root).TryGetCurrent();
        if (generation is null || !DirectoryReader.IndexExists(FSDirectory.Open(generation)))
        {
            return 0; // killed before the first commit: no index is a consistent state too
        }

        using var directory = FSDirectory.Open(generation);
        var check = new CheckIndex(directory).DoCheckIndex();
        Assert.True(check.Clean, $"CheckIndex found problems in {generation}");
        using var reader = DirectoryReader.Open(directory);
        var liveDocs = MultiFields.GetLiveDocs(reader);
        Assert.Equal(IndexVersion.Schema, IndexSchema.ReadVersion(reader.IndexCommit));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is not null && !liveDocs.Get(doc))
            {
                continue;
            }

            var stored = reader.Document(doc);
            var id = stored.Get(NewsFields.Id);
            Assert.True(seen.Add(id), $"{id} is in the index twice");
            Assert.Equal(bodies[id], stored.Get(NewsFields.Body));
        }

        Assert.Equal(reader.NumDocs, seen.Count);
        return seen.Count;
    }

    private string WriteCorpus(int articles)
    {
        var path = Path.Combine(_temp.Path, "corpus.jsonl");
        string[] words = ["الحكومة", "الاقتصاد", "المنتخب", "الأسواق", "الذهب", "النفط", "المدينة", "الشركة", "الوزير", "المباراة"];
        var random = new Random(3);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < articles; i++)
        {
            var body = string.Join(' ', Enumerable.Range(0, 60).Select(_ => words[random.Next(words.Length)]));
            writer.WriteLine(JsonSerializer.Serialize(new { id = $"crash-{i:D5}", title = $"خبر {i}", body, category = "economy" }));
        }

        return path;
    }

    private static Dictionary<string, string> ReadBodies(string path) =>
        File.ReadLines(path)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("body").GetString()!);

    // Polls for a commit of the live generation that holds documents, or the child's exit.
    private static async Task WaitForCommittedDocumentsAsync(string root, Process child)
    {
        var layout = new IndexLayout(root);
        while (!child.HasExited)
        {
            if (layout.TryGetCurrent() is { } generation && CommittedDocuments(generation) > 0)
            {
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static int CommittedDocuments(string generation)
    {
        try
        {
            using var directory = FSDirectory.Open(generation);
            if (!DirectoryReader.IndexExists(directory))
            {
                return 0;
            }

            using var reader = DirectoryReader.Open(directory);
            return reader.NumDocs;
        }
        catch (IOException)
        {
            return 0; // a commit being written or its predecessor being deleted: look again
        }
    }

    private const int SignalInterrupt = 2; // SIGINT on Linux and macOS

    private const int SignalTerminate = 15; // SIGTERM on Linux and macOS

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Process Start(params string[] args) => Start(args, _ => { });

    private static Process Start(string[] args, Action<string> onErrorLine)
    {
        // A process inherits ignored signals, and .NET leaves an ignored SIGINT ignored, as a background job should:
        // under a test host started in the background (CI, nohup, &) the child would never see Ctrl+C and would run to
        // the end. GNU env resets SIGINT to its default, as an operator's terminal has it; it then execs dotnet, whose
        // process id is the one signalled and killed.
        var info = new ProcessStartInfo(OperatingSystem.IsLinux() ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (OperatingSystem.IsLinux())
        {
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "news-search.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, line) => // drain stderr so progress lines never block the child
        {
            if (line.Data is not null)
            {
                onErrorLine(line.Data);
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int ExitCode, string Out)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output);
    }
}
