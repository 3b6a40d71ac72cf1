using System.Text.Json;

namespace Search.Cli.Tests;

public sealed class SearchBoxBenchCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task BuildsIndexAndReportsBothCallsOnTheSampleCorpus()
    {
        var corpus = Path.Combine(CliRunner.RepositoryRoot(), "index-data", "sample", "articles.jsonl");
        var index = Path.Combine(_temp.Path, "index");

        var result = await CliRunner.RunAsync("bench-searchbox", "--corpus", corpus, "--index", index, "--queries", "10", "--rounds", "1", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["/suggest", "/search (facets, highlighting)", "/search without did-you-mean", "query alone (count only)"], rows.Select(r => r.GetProperty("call").GetString()));
        Assert.All(rows, row => Assert.Equal(10, row.GetProperty("calls").GetInt32()));
        Assert.All(rows, row => Assert.True(row.GetProperty("p99").GetDouble() >= row.GetProperty("p50").GetDouble()));
        Assert.True(json.RootElement.GetProperty("documents").GetInt32() > 0);
    }

    [Fact]
    public async Task RefusesMissingCorpus()
    {
        var result = await CliRunner.RunAsync("bench-searchbox", "--corpus", Path.Combine(_temp.Path, "none.jsonl"), "--index", _temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No corpus", result.Error, StringComparison.Ordinal);
    }
}
