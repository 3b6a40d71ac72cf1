using System.Text.Json;

namespace Search.Cli.Tests;

public sealed class CliEndToEndTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Index => Path.Combine(_temp.Path, "index");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task IndexesSearchesReindexesAndDeletes()
    {
        var batch1 = CliRunner.TestData("cli", "batch-1.jsonl");

        var indexed = await CliRunner.RunAsync("index", batch1, "--index", Index, "--json");
        var again = await CliRunner.RunAsync("index", batch1, "--index", Index, "--json");
        var found = await CliRunner.RunAsync("search", "الاسواق", "--index", Index, "--json");
        var reindexed = await CliRunner.RunAsync("reindex", batch1, "--index", Index, "--json");
        var deleted = await CliRunner.RunAsync("delete", "cli-2", "--index", Index, "--json");
        var stats = await CliRunner.RunAsync("stats", "--index", Index, "--json");

        Assert.Equal(0, indexed.ExitCode);
        Assert.Equal(3, Json(indexed.Out).GetProperty("indexed").GetInt64());
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(0, Json(again.Out).GetProperty("indexed").GetInt64());
        Assert.Equal(3, Json(again.Out).GetProperty("replaced").GetInt64()); // upsert by id: no duplicates
        Assert.Equal(0, found.ExitCode);
        Assert.Equal("cli-1", Json(found.Out).GetProperty("hits")[0].GetProperty("id").GetString()); // الأسواق without hamza
        Assert.Equal(0, reindexed.ExitCode);
        Assert.Equal(3, Json(reindexed.Out).GetProperty("indexed").GetInt64()); // a fresh generation: all new
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(["cli-2"], Json(deleted.Out).GetProperty("deleted").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, Json(stats.Out).GetProperty("documentCount").GetInt32());
        Assert.Single(Directory.GetDirectories(Index, "gen-*")); // reindex removed the old generation
    }

    [Fact]
    public async Task ReportsBadRecordsWithFileAndLineAndStillIndexesTheGoodOnes()
    {
        var batch1 = CliRunner.TestData("cli", "batch-1.jsonl");
        var batch2 = CliRunner.TestData("cli", "batch-2-with-errors.jsonl");
        await CliRunner.RunAsync("index", batch1, "--index", Index);

        var result = await CliRunner.RunAsync("index", batch2, "--index", Index, "--json");
        var stats = await CliRunner.RunAsync("stats", "--index", Index, "--json");

        Assert.Equal(1, result.ExitCode); // documented: records were skipped
        Assert.Contains($"{batch2}:2: ", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{batch2}:3: ", result.Error, StringComparison.Ordinal);
        var summary = Json(result.Out);
        Assert.Equal(4, summary.GetProperty("read").GetInt64());
        Assert.Equal(1, summary.GetProperty("indexed").GetInt64()); // cli-4
        Assert.Equal(1, summary.GetProperty("replaced").GetInt64()); // cli-1 again
        Assert.Equal(2, summary.GetProperty("skipped").GetInt64());
        Assert.Equal(4, Json(stats.Out).GetProperty("documentCount").GetInt32());
    }

    [Fact]
    public async Task StopsAtMaxErrorsAndCommitsWhatWasGood()
    {
        var batch2 = CliRunner.TestData("cli", "batch-2-with-errors.jsonl");

        var result = await CliRunner.RunAsync("index", batch2, "--index", Index, "--max-errors", "0", "--json");
        var stats = await CliRunner.RunAsync("stats", "--index", Index, "--json");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal(1, Json(stats.Out).GetProperty("documentCount").GetInt32()); // cli-4, read before the first error
    }

    [Fact]
    public async Task SearchPrintsATableOfHits()
    {
        await CliRunner.RunAsync("index", CliRunner.TestData("cli", "batch-1.jsonl"), "--index", Index);

        var result = await CliRunner.RunAsync("search", "هاتف ذكي", "--index", Index);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cli-3", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 results", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAnAbsentIdExitsWithOne()
    {
        await CliRunner.RunAsync("index", CliRunner.TestData("cli", "batch-1.jsonl"), "--index", Index);

        var result = await CliRunner.RunAsync("delete", "no-such-id", "--index", Index);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not found: no-such-id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingVerbsOnAMissingIndexExitWithThree()
    {
        var search = await CliRunner.RunAsync("search", "ذهب", "--index", Index);
        var stats = await CliRunner.RunAsync("stats", "--index", Index);

        Assert.Equal(3, search.ExitCode);
        Assert.Equal(3, stats.ExitCode);
        Assert.NotEmpty(stats.Error);
    }

    [Theory]
    [InlineData("no-such-verb")]
    [InlineData("index")] // path required
    [InlineData("index", "x.jsonl", "--max-errors", "many")]
    [InlineData("index", "x.jsonl", "--max-errors", "-5")]
    [InlineData("search", "ذهب", "--size", "500")]
    [InlineData("search", "ذهب", "--sort", "sideways")]
    [InlineData("analyze", "نص", "--field", "nope")]
    public async Task UsageErrorsExitWithTwo(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, "--index", Index]);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task AnalyzeShowsTokensOfEveryField()
    {
        var result = await CliRunner.RunAsync("analyze", "الأخـــبار ٢٠١٩", "--json");

        Assert.Equal(0, result.ExitCode);
        var fields = Json(result.Out).GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["title", "title.exact", "body", "body.exact", "body.root", "lead", "lead.exact"], fields.Select(f => f.GetProperty("field").GetString()));
        var body = fields.Single(f => f.GetProperty("field").GetString() == "body").GetProperty("tokens");
        Assert.Equal(["اخبار", "2019"], body.EnumerateArray().Select(t => t.GetProperty("term").GetString()));
        Assert.Equal(10, body[0].GetProperty("endOffset").GetInt32()); // offsets cover the tatweel
    }

    [Fact]
    public async Task EveryVerbHasHelp()
    {
        foreach (var verb in new[] { "index", "reindex", "delete", "stats", "search", "analyze", "serve" })
        {
            var result = await CliRunner.RunAsync(verb, "--help");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        }
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
