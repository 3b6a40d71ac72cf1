using Microsoft.Win32.SafeHandles;

namespace Search.Api.Replication;

/// <summary>
/// A read-only, seekable view of one file of a <see cref="ServedCommit"/>, read with positional reads on the commit's
/// own handle (so the file stays readable after the indexer deletes it), and giving its lease back when disposed.
/// </summary>
internal sealed class ServedFileStream : Stream
{
    private readonly SafeFileHandle _handle;
    private readonly long _length;
    private Action? _release;
    private long _position;

    public ServedFileStream(SafeFileHandle handle, long length, string entityTag, Action release)
    {
        _handle = handle;
        _length = length;
        _release = release;
        EntityTag = entityTag;
    }

    /// <summary>The file's entity tag: its checksum and length, so <c>If-Range</c> resumes only the same bytes.</summary>
    public string EntityTag { get; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_release is null, this);
        var wanted = (int)Math.Min(buffer.Length, _length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(_handle, buffer[..wanted], _position);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_release is null, this);
        var wanted = (int)Math.Min(buffer.Length, _length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = await RandomAccess.ReadAsync(_handle, buffer[..wanted], _position, cancellationToken);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(position, nameof(offset));
        _position = position;
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Interlocked.Exchange(ref _release, null)?.Invoke();
        base.Dispose(disposing);
    }
}
