using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Search.Cli.Tests;

/// <summary>#7: on SIGTERM the server stops taking connections, finishes the requests in flight and exits 0.</summary>
public sealed partial class ShutdownTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SigtermFinishesInFlightRequestsAndExitsCleanly()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "uses POSIX signals");
        var cancel = TestContext.Current.CancellationToken;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "news-search.dll"), "serve", "--index", Path.Combine(_temp.Path, "index"),
            "--sample", CliRunner.TestData("cli", "batch-1.jsonl"), "--urls", "http://127.0.0.1:0",
        })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Search__RateLimit__PermitsPerSecond"] = "0";
        using var server = Process.Start(info)!;
        server.ErrorDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        var url = await ReadUrlAsync(server, cancel);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(() => SearchUntilRefusedAsync(http, stop.Token), cancel)).ToArray();
        await Task.Delay(1000, cancel);

        using (var signal = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync(cancel);
        }

        await server.WaitForExitAsync(cancel).WaitAsync(TimeSpan.FromSeconds(30), cancel);
        await stop.CancelAsync();
        var outcomes = (await Task.WhenAll(clients)).SelectMany(o => o).ToList();

        Assert.Equal(0, server.ExitCode);
        Assert.Contains("ok", outcomes);
        Assert.All(outcomes, outcome => Assert.True(outcome is "ok" or "refused", outcome));
    }

    // "ok" per answered 200; "refused" once the server no longer accepts connections; anything else is a failure.
    private static async Task<List<string>> SearchUntilRefusedAsync(HttpClient http, CancellationToken stop)
    {
        var outcomes = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync("/search?q=" + Uri.EscapeDataString("الذهب"), CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                outcomes.Add(response.IsSuccessStatusCode && body.Contains("\"total\"", StringComparison.Ordinal)
                    ? "ok"
                    : $"{(int)response.StatusCode}: {body}");
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                outcomes.Add("refused");
                break;
            }
            catch (HttpRequestException e)
            {
                outcomes.Add($"failed: {e.Message}");
                break;
            }
        }

        return outcomes;
    }

    private static async Task<string> ReadUrlAsync(Process server, CancellationToken cancel)
    {
        while (await server.StandardOutput.ReadLineAsync(cancel) is { } line)
        {
            if (UrlPattern().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("serve exited without printing its address");
    }

    [GeneratedRegex(@"on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex UrlPattern();
}
