using System.Text.Json;

namespace Search.Cli.Tests;

/// <summary>#22: with stderr not a terminal, index and reindex report progress as lines, JSON objects with --json.</summary>
public sealed class IndexingProgressTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Index => Path.Combine(_temp.Path, "index");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("index")]
    [InlineData("reindex")]
    public async Task WithJsonEveryProgressLineIsAJsonObjectEndingOnTheTotals(string verb)
    {
        var result = await CliRunner.RunAsync(verb, CliRunner.SampleCorpus, "--index", Index, "--json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        var progress = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        foreach (var line in progress)
        {
            Assert.Equal(JsonValueKind.Object, line.ValueKind);
            Assert.True(line.GetProperty("documents").GetInt64() >= 0);
            Assert.True(line.GetProperty("docsPerSecond").GetDouble() >= 0);
            Assert.True(line.GetProperty("elapsedSeconds").GetDouble() >= 0);
            Assert.True(line.GetProperty("percent").GetDouble() is >= 0 and <= 100);
        }

        var last = progress[^1];
        var summary = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(summary.GetProperty("indexed").GetInt64(), last.GetProperty("documents").GetInt64());
        Assert.Equal(last.GetProperty("totalBytes").GetInt64(), last.GetProperty("bytesRead").GetInt64());
        Assert.True(last.GetProperty("totalBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task WithoutJsonTheProgressLineStaysText()
    {
        var result = await CliRunner.RunAsync("index", CliRunner.SampleCorpus, "--index", Index);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.StartsWith("progress: ", line, StringComparison.Ordinal));
        Assert.StartsWith("progress: 64 documents, ", lines[^1], StringComparison.Ordinal);
        Assert.Contains("100% of input", lines[^1], StringComparison.Ordinal);
    }
}
