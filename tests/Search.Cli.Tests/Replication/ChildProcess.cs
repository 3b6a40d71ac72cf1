using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.Cli.Tests.Replication;

/// <summary>A program run as a child process (news-search, nginx), its output kept line by line for waits and failure messages.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything it printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Runs this build's <c>news-search</c> with <paramref name="args"/>, <paramref name="environment"/> added to ours.</summary>
    public static ChildProcess NewsSearch(string name, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(name, "dotnet", [Path.Combine(AppContext.BaseDirectory, "news-search.dll"), .. args], environment);

    public static ChildProcess Start(string name, string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}"), name);
    }

    /// <summary>The first match of <paramref name="pattern"/> in what it prints, within <paramref name="timeout"/>.</summary>
    public async Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var match = pattern.Match(Output);
            if (match.Success)
            {
                return match;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"{Name} printed no match of {pattern} ({(_process.HasExited ? $"exited with {_process.ExitCode}" : "still running")}):\n{Output}");
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, QUIT, KILL) and waits for the exit; its exit code.</summary>
    public async Task<int> SignalAndWaitAsync(string signal, TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);
        return _process.ExitCode;
    }

    public Task WaitForExitAsync(TimeSpan timeout) =>
        _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);

    /// <summary>SIGKILL, if still running: no handler runs.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Add(line);
        }
    }
}
