using System.Diagnostics;
using System.Globalization;
using Search.Indexing;
using Spectre.Console;

namespace Search.Cli;

/// <summary>Shows indexing progress on stderr: a bar in a terminal, a plain line every few seconds otherwise.</summary>
internal sealed class IndexingProgressReporter : IProgress<IndexingProgress>
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    private readonly CliConsole _console;
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();
    private ProgressTask? _bar;
    private IndexingProgress? _last;

    public IndexingProgressReporter(CliConsole console)
    {
        _console = console;
    }

    /// <summary>Runs <paramref name="work"/> while showing its progress.</summary>
    public async Task<T> RunAsync<T>(string title, Func<T> work)
    {
        if (!_console.Interactive)
        {
            var result = await Task.Run(work);
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
            var rate = value.Elapsed.TotalSeconds > 0 ? value.Documents / value.Elapsed.TotalSeconds : 0;
            var text = string.Create(CultureInfo.InvariantCulture, $"{value.Documents:N0} documents, {rate:N0} docs/s");
            if (_bar is not null)
            {
                _bar.MaxValue = Math.Max(1, value.TotalBytes);
                _bar.Value = Math.Min(value.BytesRead, _bar.MaxValue);
                _bar.Description = text;
                return;
            }

            if (_sinceLastLine.Elapsed < LineInterval)
            {
                return;
            }

            _sinceLastLine.Restart();
            var percent = value.TotalBytes > 0 ? 100.0 * value.BytesRead / value.TotalBytes : 0;
            _console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"progress: {text}, {percent:F0}% of input, {value.Elapsed:hh\\:mm\\:ss} elapsed"));
        }
    }
}
