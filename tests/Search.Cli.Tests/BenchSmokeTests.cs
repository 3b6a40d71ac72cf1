using System.Text.Json;

namespace Search.Cli.Tests;

/// <summary>#6: the bench command keeps working. A smoke run on the project's sample, not a measurement.</summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task BenchMeasuresEveryStageOnTheSampleCorpus()
    {
        var sample = Path.Combine(CliRunner.RepositoryRoot(), "index-data", "sample");

        var result = await CliRunner.RunAsync(
            "bench", "--corpus", sample, "--queries", "50", "--connections", "1,2", "--duration", "1", "--json");

        Assert.Equal(0, result.ExitCode);
        var bench = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(64, bench.GetProperty("documents").GetInt32());
        Assert.Equal(64, bench.GetProperty("reference").GetProperty("documents").GetInt64());
        Assert.Equal(64, bench.GetProperty("ours").GetProperty("documents").GetInt64());
        Assert.True(bench.GetProperty("ours").GetProperty("indexBytes").GetInt64() > 0);
        Assert.True(bench.GetProperty("ours").GetProperty("segments").GetInt32() >= 1);
        Assert.True(bench.GetProperty("reference").GetProperty("segments").GetInt32() >= 1);

        // Seven analyzed fields hold more tokens than the reference's title and body.
        var referenceTokens = bench.GetProperty("reference").GetProperty("tokens").GetInt64();
        Assert.True(referenceTokens > 0);
        Assert.True(bench.GetProperty("ours").GetProperty("tokens").GetInt64() > referenceTokens);
        Assert.True(bench.GetProperty("analysisCeiling").GetDouble() > 0);
        Assert.Equal(50, bench.GetProperty("inProcess").GetProperty("count").GetInt32());

        // #17: headline-length queries beside the short ones, and the stock reference search of both on the reference index.
        Assert.Equal(50, bench.GetProperty("inProcessHeadlines").GetProperty("count").GetInt32());
        Assert.Equal(50, bench.GetProperty("stockShort").GetProperty("count").GetInt32());
        Assert.Equal(50, bench.GetProperty("stockHeadlines").GetProperty("count").GetInt32());
        Assert.True(bench.GetProperty("stockHeadlines").GetProperty("p50").GetDouble() > 0);
        var headlines = bench.GetProperty("httpHeadlines").EnumerateArray().ToList();
        Assert.Equal([1, 2], headlines.Select(h => h.GetProperty("connections").GetInt32()));
        Assert.All(headlines, h => Assert.Equal(0, h.GetProperty("errors").GetInt32()));
        Assert.All(headlines, h => Assert.True(h.GetProperty("requests").GetInt32() > 0));
        var targets = bench.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("what").GetString()).ToList();
        Assert.Contains("indexing, against the stock loop", targets);
        Assert.Contains("headline queries in process", targets);
        // wrk when it is installed (.ci/run installs it), the in-repo generator otherwise; the table says which.
        Assert.Equal(Search.Cli.Bench.WrkLoadGenerator.Find() is null ? "the in-repo generator" : "wrk", bench.GetProperty("loadGenerator").GetString());
        var http = bench.GetProperty("http").EnumerateArray().ToList();
        Assert.Equal([1, 2], http.Select(h => h.GetProperty("connections").GetInt32()));
        Assert.All(http, h => Assert.Equal(0, h.GetProperty("errors").GetInt32()));
        Assert.All(http, h => Assert.True(h.GetProperty("requests").GetInt32() > 0));

        // #6: the /search rows measure searching: their server ran with the result cache off (the setting reached `serve`).
        Assert.All(http, h => Assert.Equal(0, h.GetProperty("cache").GetProperty("capacity").GetInt32()));
        Assert.All(http, h => Assert.Equal(0, h.GetProperty("cache").GetProperty("hits").GetInt64()));

        // The repeated-query rows: a second server with the default cache, at the same concurrencies, answering from it.
        Assert.True(bench.GetProperty("distinctQueries").GetInt32() > 0);
        Assert.Equal(1.0, bench.GetProperty("zipfExponent").GetDouble());
        var repeated = bench.GetProperty("httpRepeated").EnumerateArray().ToList();
        Assert.Equal([1, 2], repeated.Select(h => h.GetProperty("connections").GetInt32()));
        Assert.All(repeated, h => Assert.Equal(0, h.GetProperty("errors").GetInt32()));
        Assert.All(repeated, h => Assert.True(h.GetProperty("requests").GetInt32() > 0));
        Assert.All(repeated, h => Assert.Equal(1024, h.GetProperty("cache").GetProperty("capacity").GetInt32()));
        Assert.All(repeated, h => Assert.True(h.GetProperty("cache").GetProperty("hits").GetInt64() > 0));
        Assert.True(bench.GetProperty("apiResidentCached").GetInt64() > 0);
        var suggest = bench.GetProperty("suggest").EnumerateArray().ToList();
        Assert.Equal([1, 2], suggest.Select(h => h.GetProperty("connections").GetInt32()));
        Assert.All(suggest, h => Assert.Equal(0, h.GetProperty("errors").GetInt32()));
    }

    [Theory]
    [InlineData("--connections", "1,x")]
    [InlineData("--scale", "0")]
    [InlineData("--duration", "-1")]
    [InlineData("--load-generator", "ab")]
    public async Task BenchRejectsBadOptions(string option, string value)
    {
        var result = await CliRunner.RunAsync("bench", "--corpus", "nowhere", option, value);

        Assert.Equal(2, result.ExitCode);
    }
}
