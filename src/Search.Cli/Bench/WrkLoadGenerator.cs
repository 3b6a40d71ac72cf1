using System.Diagnostics;
using System.Globalization;

namespace Search.Cli.Bench;

/// <summary>
/// HTTP load from wrk (Debian's <c>wrk</c> package): a closed loop of a fixed number of connections over a list of
/// paths, like <see cref="HttpLoadGenerator"/>, from a second process written in C.
/// </summary>
/// <remarks>
/// #6: on a two-core machine the load generator shares the cores with the server it measures. At 32 connections the
/// in-repo generator (.NET's HttpClient) left the server 1.64 of them, wrk 1.90; the same server answered 532-552
/// requests/s to the one and 619-664 to the other. So the bench uses wrk when it is installed and says which it used.
/// One wrk thread: it keeps the connections busy with a fraction of a core. The script (<see cref="Script"/>) requests
/// the paths in turn, accepts compressed responses as a browser (and the in-repo generator) does, counts responses by
/// status and prints one summary line, which <see cref="Parse"/> reads.
/// </remarks>
internal static class WrkLoadGenerator
{
    private const string SummaryPrefix = "news-search-wrk ";

    /// <summary>The wrk executable on the PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "wrk"))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="wrk"/> with <paramref name="connections"/> connections over <paramref name="targets"/> (paths, in turn) for <paramref name="duration"/>.</summary>
    public static async Task<LoadReport> RunAsync(
        string wrk, Uri baseAddress, IReadOnlyList<string> targets, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        HttpLoadGenerator.EnsureLoopback(baseAddress);
        var folder = Directory.CreateTempSubdirectory("news-search-wrk-");
        try
        {
            var script = Path.Combine(folder.FullName, "bench.lua");
            var paths = Path.Combine(folder.FullName, "paths.txt");
            await File.WriteAllTextAsync(script, Script, cancellationToken);
            await File.WriteAllLinesAsync(paths, targets, cancellationToken);

            var info = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--threads", "1", "--connections", connections.ToString(CultureInfo.InvariantCulture),
                "--duration", Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
                "--timeout", "30s", "--script", script, baseAddress.GetLeftPart(UriPartial.Authority), "--", paths,
            })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {wrk}");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            return process.ExitCode == 0
                ? Parse(await output, connections)
                : throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {(await error).Trim()}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The report in wrk's output: the summary line the script prints.</summary>
    /// <exception cref="FormatException">The output has no summary line, or a figure in it is not a number.</exception>
    public static LoadReport Parse(string output, int connections)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(SummaryPrefix, StringComparison.Ordinal))
            ?? throw new FormatException("wrk printed no summary line (was the bench script used?): " + output.Trim());
        var figures = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in line[SummaryPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !long.TryParse(pair.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"not a figure in wrk's summary: \"{pair}\"");
            }

            figures[pair[..equals]] = value;
        }

        long Figure(string name) => figures.TryGetValue(name, out var value) ? value : throw new FormatException($"wrk's summary has no {name}");
        double Ms(string name) => Figure(name) / 1000.0;
        var statuses = figures
            .Where(pair => pair.Key.StartsWith("status_", StringComparison.Ordinal))
            .ToDictionary(pair => int.Parse(pair.Key["status_".Length..], CultureInfo.InvariantCulture), pair => (int)pair.Value);

        // wrk counts a request that got no response (a refused connection, a reset, a timeout) among its errors, not its requests.
        var errors = (int)(Figure("connect") + Figure("read") + Figure("write") + Figure("timeout"));
        return new LoadReport(connections, TimeSpan.FromMicroseconds(Figure("duration_us")), (int)Figure("requests"), statuses,
            errors, errors == 0 ? [] : [$"wrk: {Figure("connect")} connect, {Figure("read")} read, {Figure("write")} write, {Figure("timeout")} timeout errors"],
            Ms("p50_us"), Ms("p95_us"), Ms("p99_us"), Ms("max_us"));
    }

    // Lua for wrk: a thread requests the paths of the file named by the script's first argument in turn and counts the
    // responses by status; at the end the main thread adds up the threads' counts and prints the summary line.
    private const string Script = """
        local threads = {}

        function setup(thread)
          table.insert(threads, thread)
        end

        function init(args)
          paths = {}
          for line in io.lines(args[1]) do
            if #line > 0 then paths[#paths + 1] = line end
          end
          nextPath = 0
          statuses = {}
        end

        function request()
          nextPath = nextPath % #paths + 1
          return wrk.format("GET", paths[nextPath], { ["Accept-Encoding"] = "gzip, deflate, br" })
        end

        function response(status, headers, body)
          statuses[status] = (statuses[status] or 0) + 1
        end

        function done(summary, latency, requests)
          local merged = {}
          for _, thread in ipairs(threads) do
            for status, count in pairs(thread:get("statuses")) do
              merged[status] = (merged[status] or 0) + count
            end
          end
          local line = string.format("news-search-wrk requests=%d duration_us=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d",
            summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
            summary.errors.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max)
          for status, count in pairs(merged) do
            line = line .. string.format(" status_%d=%d", status, count)
          end
          io.write(line .. "\n")
        end
        """;
}
