using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Search.Cli.Tests;

public sealed partial class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SeedsAnEmptyIndexThenServesSearch()
    {
        var index = Path.Combine(_temp.Path, "index");
        var sample = CliRunner.TestData("cli", "batch-1.jsonl");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var console = new CliConsole(TextWriter.Synchronized(output), TextWriter.Null, interactive: false);

        var serving = SearchCli.RunAsync(
            ["serve", "--index", index, "--sample", sample, "--urls", "http://127.0.0.1:0"], console, stop.Token);
        var url = await WaitForUrlAsync(output, serving);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var body = await http.GetFromJsonAsync<JsonElement>(
            "/search?q=" + Uri.EscapeDataString("الذهب"), TestContext.Current.CancellationToken);

        // The pages ship inside the API assembly, so the CLI host serves them wherever it runs from.
        var searchPage = await http.GetStringAsync("/", TestContext.Current.CancellationToken);
        var script = await http.GetAsync("/js/search.js", TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        var exitCode = await serving;

        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal("cli-1", body.GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.Equal(0, exitCode);
        Assert.Contains("Serving 3 articles", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", searchPage, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
    }

    private static async Task<string> WaitForUrlAsync(StringWriter output, Task serving)
    {
        for (var attempt = 0; attempt < 300 && !serving.IsCompleted; attempt++)
        {
            var match = UrlPattern().Match(output.ToString());
            if (match.Success)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"serve printed no URL: {output}");
    }

    [GeneratedRegex(@"on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex UrlPattern();
}
