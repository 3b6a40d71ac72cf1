using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Search.Indexing;
using Spectre.Console;

namespace Search.Cli;

/// <summary>
/// Shows indexing progress on stderr: a bar in a terminal; otherwise a line every few seconds and one when reading
/// ends, as text or, with <c>--json</c>, as one JSON object per line for log collectors.
/// </summary>
internal sealed class IndexingProgressReporter : IProgress<IndexingProgress>
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    private readonly CliConsole _console;
    private readonly bool _json;
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();
    private ProgressTask? _bar;
    private IndexingProgress? _last;
    private IndexingProgress? _written;

    public IndexingProgressReporter(CliConsole console, bool json = false)
    {
        _console = console;
        _json = json;
    }

    /// <summary>Runs <paramref name="work"/> while showing its progress.</summary>
    public async Task<T> RunAsync<T>(string title, Func<T> work)
    {
        if (!_console.Interactive)
        {
            var result = await Task.Run(work);

            // The last figures, whatever the interval: a short run reports too, and a long one ends on its totals.
            lock (_gate)
            {
                if (_last is not null && !ReferenceEquals(_last, _written))
                {
                    WriteLine(_last);
                }
            }

            return result;
        }

        return await _console.Progress.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                lock (_gate)
                {
                    _bar = context.AddTask(title, maxValue: 1);
                }

                var result = await Task.Run(work);
                lock (_gate)
                {
                    _bar.Value = _bar.MaxValue;
                    _bar.StopTask();
                }

                return result;
            });
    }

    public void Report(IndexingProgress value)
    {
        lock (_gate)
        {
            _last = value;
            if (_bar is not null)
            {
                _bar.MaxValue = Math.Max(1, value.TotalBytes);
                _bar.Value = Math.Min(value.BytesRead, _bar.MaxValue);
                _bar.Description = string.Create(CultureInfo.InvariantCulture, $"{value.Documents:N0} documents, {Rate(value):N0} docs/s");
                return;
            }

            if (_sinceLastLine.Elapsed < LineInterval)
            {
                return;
            }

            _sinceLastLine.Restart();
            WriteLine(value);
        }
    }

    private void WriteLine(IndexingProgress value)
    {
        _written = value;
        var rate = Rate(value);
        var percent = value.TotalBytes > 0 ? 100.0 * value.BytesRead / value.TotalBytes : 0;
        if (!_json)
        {
            _console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"progress: {value.Documents:N0} documents, {rate:N0} docs/s, {percent:F0}% of input, {value.Elapsed:hh\\:mm\\:ss} elapsed"));
            return;
        }

        var line = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(line))
        {
            json.WriteStartObject();
            json.WriteNumber("documents", value.Documents);
            json.WriteNumber("bytesRead", value.BytesRead);
            json.WriteNumber("totalBytes", value.TotalBytes);
            json.WriteNumber("percent", Math.Round(percent, 1));
            json.WriteNumber("docsPerSecond", Math.Round(rate, 1));
            json.WriteNumber("elapsedSeconds", Math.Round(value.Elapsed.TotalSeconds, 3));
            json.WriteEndObject();
        }

        _console.Error.WriteLine(Encoding.UTF8.GetString(line.WrittenSpan));
    }

    private static double Rate(IndexingProgress value) =>
        value.Elapsed.TotalSeconds > 0 ? value.Documents / value.Elapsed.TotalSeconds : 0;
}
