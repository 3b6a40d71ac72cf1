using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Search.Cli.Tests.Replication;

/// <summary>
/// Faults a test puts between a real primary and its followers, in front of the application's own pipeline: a flipped
/// byte, a connection dropped mid-file, a slow link, a request held back. It records each file request and its Range.
/// </summary>
internal sealed class PrimaryFaults : IStartupFilter
{
    private readonly Lock _lock = new();
    private string? _tamperFile;
    private long _tamperAt;
    private string? _abortFile;
    private long _abortAfter;
    private TimeSpan _delayPerChunk;
    private string? _holdFile;
    private TaskCompletionSource _held = New();
    private TaskCompletionSource _release = New();

    /// <summary>Every file request: the file's name and its Range header (null when it had none).</summary>
    public ConcurrentQueue<(string Name, string? Range)> FileRequests { get; } = new();

    /// <summary>Completes when a request for the held file is waiting.</summary>
    public Task Held => _held.Task;

    /// <summary>Flips the byte at offset <paramref name="at"/> of every response carrying <paramref name="file"/>.</summary>
    public void Tamper(string file, long at)
    {
        lock (_lock)
        {
            (_tamperFile, _tamperAt) = (file, at);
        }
    }

    /// <summary>Sends <paramref name="bytes"/> bytes of <paramref name="file"/>, then drops the connection.</summary>
    public void AbortAfter(string file, long bytes)
    {
        lock (_lock)
        {
            (_abortFile, _abortAfter) = (file, bytes);
        }
    }

    /// <summary>Waits <paramref name="delay"/> after every 8 KiB of every file.</summary>
    public void Slow(TimeSpan delay)
    {
        lock (_lock)
        {
            _delayPerChunk = delay;
        }
    }

    /// <summary>Holds requests for <paramref name="file"/> before the application sees them, until <see cref="Release"/>.</summary>
    public void Hold(string file)
    {
        lock (_lock)
        {
            (_holdFile, _held, _release) = (file, New(), New());
        }
    }

    public void Release() => _release.TrySetResult();

    public void Clear()
    {
        lock (_lock)
        {
            (_tamperFile, _abortFile, _holdFile, _delayPerChunk) = (null, null, null, TimeSpan.Zero);
        }

        Release();
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(InvokeAsync);
        next(app);
    };

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // /replication/commits/{commit}/files/{name}
        if (context.Request.Path.Value?.Split('/') is not ["", "replication", "commits", _, "files", var name])
        {
            await next(context);
            return;
        }

        FileRequests.Enqueue((name, context.Request.Headers.Range.Count > 0 ? context.Request.Headers.Range.ToString() : null));
        string? tamper, abort, hold;
        long tamperAt, abortAfter;
        TimeSpan delay;
        Task release;
        lock (_lock)
        {
            (tamper, tamperAt, abort, abortAfter, hold, delay, release) =
                (_tamperFile, _tamperAt, _abortFile, _abortAfter, _holdFile, _delayPerChunk, _release.Task);
            if (hold == name)
            {
                _held.TrySetResult();
            }
        }

        if (hold == name)
        {
            await release.WaitAsync(context.RequestAborted);
        }

        var original = context.Response.Body;
        context.Response.Body = new FaultyBody(original, context, tamper == name ? tamperAt : -1, abort == name ? abortAfter : -1, delay);
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The response body as the follower receives it, faults applied; 8 KiB at a time so a delay paces it.
    private sealed class FaultyBody(Stream inner, HttpContext context, long tamperAt, long abortAfter, TimeSpan delay) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            for (var start = 0; start < buffer.Length; start += 8192)
            {
                var chunk = buffer.Slice(start, Math.Min(8192, buffer.Length - start)).ToArray();
                if (tamperAt >= _written && tamperAt < _written + chunk.Length)
                {
                    chunk[tamperAt - _written] ^= 0x5A;
                }

                if (abortAfter >= 0 && _written + chunk.Length > abortAfter)
                {
                    await inner.WriteAsync(chunk.AsMemory(0, (int)(abortAfter - _written)), cancellationToken);
                    await inner.FlushAsync(cancellationToken);
                    await Task.Delay(100, cancellationToken); // let the bytes leave before the connection does
                    context.Abort();
                    throw new OperationCanceledException("connection dropped by the test");
                }

                await inner.WriteAsync(chunk, cancellationToken);
                _written += chunk.Length;
                if (delay > TimeSpan.Zero)
                {
                    await inner.FlushAsync(cancellationToken);
                    await Task.Delay(delay, cancellationToken);
                }
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
