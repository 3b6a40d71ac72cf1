using System.Text.Json;

namespace Search.Cli.Tests;

/// <summary><c>variants propose|list|explain</c> (#18) on an index of names.jsonl.</summary>
public sealed class VariantsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> IndexAsync()
    {
        var index = Path.Combine(_temp.Path, "index");
        Assert.Equal(0, (await CliRunner.RunAsync("index", CliRunner.TestData("searchbox", "names.jsonl"), "--index", index)).ExitCode);
        return index;
    }

    [Fact]
    public async Task ProposesGroupsWithTheirEvidenceInAFileForReview()
    {
        var index = await IndexAsync();
        var output = Path.Combine(_temp.Path, "proposed.txt");

        var result = await CliRunner.RunAsync("variants", "propose", "--index", index, "--out", output, "--min-articles", "2");

        Assert.Equal(0, result.ExitCode);
        var groups = File.ReadAllLines(output).Where(line => !line.StartsWith('#')).ToList();
        Assert.Equal(2, groups.Count);
        Assert.Contains(groups, line => line.StartsWith("ترامب ترمب  # ترامب/ترمب: skeleton ترمب;", StringComparison.Ordinal));
        Assert.Contains(groups, line => line.StartsWith("بوتين بوتن  #", StringComparison.Ordinal));
        Assert.Contains("2 groups", result.Out, StringComparison.Ordinal);

        // The proposals file is a variants file: analysts copy its lines as they are.
        var listed = await CliRunner.RunAsync("variants", "list", "--variants", output);
        Assert.Equal(0, listed.ExitCode);
    }

    [Fact]
    public async Task ListsTheGroupsAndReportsBadLinesWithFileAndLine()
    {
        var path = Path.Combine(_temp.Path, "variants.txt");
        File.WriteAllLines(path, ["# names", "ترامب ترمب", "ماكرون", "بوتين بوتن"]);

        var result = await CliRunner.RunAsync("variants", "list", "--variants", path, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{path}:3: a group needs at least two spellings", result.Error.Trim());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal([2, 4], json.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task ExplainsWhyTwoSpellingsAreOrAreNotOneName()
    {
        var index = await IndexAsync();
        var variants = CliRunner.TestData("searchbox", "names.variants.txt");

        var grouped = await CliRunner.RunAsync("variants", "explain", "ترمب", "--index", index, "--variants", variants);
        var refused = await CliRunner.RunAsync("variants", "explain", "ماكرون", "ماكين", "--index", index, "--variants", variants);

        Assert.Equal(0, grouped.ExitCode);
        Assert.Contains("ترمب / ترامب: one group in the variants file", grouped.Out, StringComparison.Ordinal);
        Assert.Contains("skeleton ترمب; articles", grouped.Out, StringComparison.Ordinal);
        Assert.Contains("not grouped in the variants file", refused.Out, StringComparison.Ordinal);
        Assert.Contains("different consonant skeletons", refused.Out, StringComparison.Ordinal);
    }
}
