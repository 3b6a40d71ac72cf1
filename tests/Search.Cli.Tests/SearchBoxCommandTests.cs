using System.Text.Json;

namespace Search.Cli.Tests;

/// <summary><c>searchbox</c> (#18) on an index of searchbox.jsonl and names.jsonl, scored from the tiny sets in TestData/searchbox/sets.</summary>
public sealed class SearchBoxCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> IndexAsync()
    {
        var index = Path.Combine(_temp.Path, "index");
        var built = await CliRunner.RunAsync("index", CliRunner.TestData("searchbox", "searchbox.jsonl"), CliRunner.TestData("searchbox", "names.jsonl"), "--index", index);
        Assert.Equal(0, built.ExitCode);
        return index;
    }

    [Fact]
    public async Task ScoresEverySetOverBothHalvesAndReportsBadRows()
    {
        var index = await IndexAsync();

        var result = await CliRunner.RunAsync("searchbox", "--sets", CliRunner.TestData("searchbox", "sets"), "--index", index,
            "--variants", CliRunner.TestData("searchbox", "names.variants.txt"), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("name-variants.tiny.tsv:4: the third column must be yes or no, not 'no-idea'", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        var figures = json.RootElement.GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("kind").GetString()!, f => (All: f.GetProperty("all").GetDouble(), Met: f.GetProperty("met").GetBoolean()));
        Assert.Equal(["typos", "phrases", "correct", "prefixes", "name-variants"], figures.Keys);
        Assert.Equal((1.0, true), figures["typos"]);
        Assert.Equal((1.0, true), figures["phrases"]);
        Assert.Equal((0.0, true), figures["correct"]);
        Assert.Equal((1.0, true), figures["prefixes"]);
        Assert.Equal((1.0, true), figures["name-variants"]);
        var names = json.RootElement.GetProperty("names").EnumerateArray().ToList();
        Assert.Equal(2, names.Count);
        Assert.Equal(1.0, names[0].GetProperty("pair").GetProperty("coverage").GetDouble());
        Assert.Equal(2, json.RootElement.GetProperty("variants").GetInt32());
        Assert.True(json.RootElement.GetProperty("spellingModel").GetProperty("words").GetInt32() > 0);
    }

    [Fact]
    public async Task ListsWhatMissedAndSaysATargetIsMissedWithoutVariants()
    {
        var index = await IndexAsync();

        var result = await CliRunner.RunAsync("searchbox", "--sets", CliRunner.TestData("searchbox", "sets"), "--index", index,
            "--variants", Path.Combine(_temp.Path, "none.txt"), "--misses");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("name-variants.tiny", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"name-variants\.tiny\s*│\s*pairs as expected\s*│\s*2\s*│\s*50\.0%.*│\s*no\s*│", result.Out);
        Assert.Matches(@"finds \d+ ?% / \d+ ?% of either's articles", result.Out);
    }

    [Fact]
    public async Task RefusesAFolderWithoutSets()
    {
        var result = await CliRunner.RunAsync("searchbox", "--sets", _temp.Path, "--index", _temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no set", result.Error, StringComparison.Ordinal);
    }
}
