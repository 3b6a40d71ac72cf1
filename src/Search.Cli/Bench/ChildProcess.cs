using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Search.Cli.Bench;

/// <summary>Runs this CLI as a child process (a separate process measures as production runs), sampling its memory.</summary>
internal sealed partial class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Timer _sampler;
    private long _peakResident;

    private ChildProcess(Process process)
    {
        _process = process;
        _sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Highest resident memory seen, in bytes.</summary>
    public long PeakResident => Interlocked.Read(ref _peakResident);

    /// <summary>Resident memory now, in bytes.</summary>
    public long Resident
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.WorkingSet64;
        }
    }

    /// <summary>Starts <c>news-search</c> with <paramref name="args"/>; <paramref name="environment"/> is added to ours.</summary>
    public static ChildProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "news-search.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start news-search");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    /// <summary>Everything the child writes on stdout, once it has exited; throws when it fails.</summary>
    public async Task<string> OutputAsync(CancellationToken cancellationToken)
    {
        var output = await _process.StandardOutput.ReadToEndAsync(cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
        Sample();
        return _process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"news-search exited with {_process.ExitCode}: {output}");
    }

    /// <summary>The address a <c>serve</c> child prints when it listens.</summary>
    public async Task<Uri> ServingAddressAsync(CancellationToken cancellationToken)
    {
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (Address().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("serve exited before listening");
    }

    public void Dispose()
    {
        _sampler.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Sample()
    {
        try
        {
            var resident = Resident;
            long seen;
            while (resident > (seen = Interlocked.Read(ref _peakResident))
                && Interlocked.CompareExchange(ref _peakResident, resident, seen) != seen)
            {
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the read.
        }
    }

    [GeneratedRegex(@"on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Address();
}
