using System.Text.Json;

namespace Search.Cli.Tests;

/// <summary>One hit per story on the command line (#21): <c>search</c>, <c>repeats</c> and <c>run --collapse</c> over TestData/collapsing/stories.jsonl.</summary>
public sealed class StoryCommandsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Index => Path.Combine(_temp.Path, "index");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SearchShowsOneHitPerStoryUnlessAskedForEveryArticle()
    {
        await CliRunner.RunAsync("index", CliRunner.TestData("collapsing", "stories.jsonl"), "--index", Index);

        var collapsed = await CliRunner.RunAsync("search", "أوبك النفط", "--index", Index, "--json");
        var every = await CliRunner.RunAsync("search", "أوبك النفط", "--index", Index, "--no-collapse", "--json");
        var table = await CliRunner.RunAsync("search", "أوبك النفط", "--index", Index);

        using var one = JsonDocument.Parse(collapsed.Out);
        using var all = JsonDocument.Parse(every.Out);
        var hit = Assert.Single(one.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal(4, hit.GetProperty("copyCount").GetInt32());
        Assert.Equal(5, all.RootElement.GetProperty("hits").GetArrayLength());
        Assert.Contains("+4: ", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatsCountsTitlesShownTwiceOnAFirstPage()
    {
        await CliRunner.RunAsync("index", CliRunner.TestData("collapsing", "stories.jsonl"), "--index", Index);
        var queries = Path.Combine(_temp.Path, "queries.tsv");
        await File.WriteAllTextAsync(queries, "q1\tأوبك النفط\nq2\tالذهب الدولار\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("repeats", queries, "--index", Index, "--json");

        // a1 and a2 share a title (both queries find them: the oil story says دولارا), b1 and b2 too: three repeats
        // when every article is a hit, none with one hit per story.
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.False(rows[0].GetProperty("collapsed").GetBoolean());
        Assert.Equal(3, rows[0].GetProperty("repeatedSlots").GetInt32());
        Assert.True(rows[1].GetProperty("collapsed").GetBoolean());
        Assert.Equal(0, rows[1].GetProperty("repeatedSlots").GetInt32());
        Assert.Equal(3, rows[1].GetProperty("hitsWithCopies").GetInt32());
    }

    [Fact]
    public async Task RunRanksEveryArticleUnlessAskedToCollapse()
    {
        await CliRunner.RunAsync("index", CliRunner.TestData("collapsing", "stories.jsonl"), "--index", Index);
        var queries = Path.Combine(_temp.Path, "queries.tsv");
        await File.WriteAllTextAsync(queries, "q1\tأوبك النفط\n", TestContext.Current.CancellationToken);
        var every = Path.Combine(_temp.Path, "every.run");
        var stories = Path.Combine(_temp.Path, "stories.run");

        await CliRunner.RunAsync("run", "--queries", queries, "--index", Index, "--output", every);
        await CliRunner.RunAsync("run", "--queries", queries, "--index", Index, "--output", stories, "--collapse");

        Assert.Equal(5, File.ReadLines(every).Count());
        Assert.Single(File.ReadLines(stories));
    }

    [Fact]
    public async Task DeleteAndReindexKeepTheStoryWithTheCopiesLeft()
    {
        var stories = CliRunner.TestData("collapsing", "stories.jsonl");
        await CliRunner.RunAsync("index", stories, "--index", Index);

        await CliRunner.RunAsync("delete", "a1", "a2", "--index", Index);
        var afterDelete = await CliRunner.RunAsync("search", "أوبك النفط", "--index", Index, "--json");
        await CliRunner.RunAsync("reindex", stories, "--index", Index);
        var afterReindex = await CliRunner.RunAsync("search", "أوبك النفط", "--index", Index, "--json");

        using var deleted = JsonDocument.Parse(afterDelete.Out);
        using var reindexed = JsonDocument.Parse(afterReindex.Out);
        var kept = Assert.Single(deleted.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal(2, kept.GetProperty("copyCount").GetInt32());
        Assert.DoesNotContain(kept.GetProperty("copies").EnumerateArray(), copy => copy.GetProperty("id").GetString() is "a1" or "a2");
        Assert.Equal(4, Assert.Single(reindexed.RootElement.GetProperty("hits").EnumerateArray()).GetProperty("copyCount").GetInt32());
    }
}
