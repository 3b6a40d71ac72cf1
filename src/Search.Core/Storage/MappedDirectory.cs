using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Storage;

/// <summary>
/// A file-system directory for searching: each file is memory-mapped once and read through a pointer, so reading a byte
/// is a bounds check and a load, and a clone (Lucene clones an input for every postings and stored-fields enum) is a
/// copy of a few fields. Stored fields are the exception: they are read with lock-free positional reads (see <see cref="OpenInput"/>).
/// </summary>
/// <remarks>
/// Why not Lucene.Net's own directories (#6): <see cref="MMapDirectory"/> reads through J2N byte buffers whose clones are
/// expensive and finalizable (the finalizer thread kept a core busy under load), and <see cref="NIOFSDirectory"/> takes a
/// lock and makes three system calls (seek, read, seek back) for every 1 KiB it buffers, which was two thirds of the
/// sampled CPU of a search. Writes go through <see cref="FSDirectory"/>'s ordinary outputs.
/// <para/>
/// Lifetime follows Lucene's contract: the input returned by <see cref="OpenInput"/> (or a slicer) owns its mapping and
/// unmaps it when disposed; clones and slices share it and must not be used after that. Every read checks that the
/// mapping is still there and throws <see cref="ObjectDisposedException"/> rather than touching unmapped memory; the
/// searcher's leases keep a reader, and so its inputs, open while any search uses it.
/// </remarks>
public sealed class MappedDirectory : FSDirectory
{
    /// <summary>Opens <paramref name="path"/> with the default (native) lock factory.</summary>
    public MappedDirectory(DirectoryInfo path)
        : base(path, null)
    {
    }

    /// <summary>Stored fields (<c>.fdt</c>) are read with positional reads in buffers of this size rather than mapped.</summary>
    /// <remarks>
    /// Twice <see cref="NewsCodec"/>'s 4 KiB chunks: one read takes in most chunks whole, without copying 16 KiB out of
    /// the page cache for each article loaded (20,000 random loads, best of five, six rounds alternated: 22.9–23.5 µs
    /// with 16 KiB, 21.4–21.9 µs with 8 KiB, 21.2–22.1 µs with 4 KiB, which needs more reads for long articles).
    /// </remarks>
    public const int StoredFieldsBufferSize = 8 * 1024;

    /// <inheritdoc />
    /// <remarks>
    /// Stored fields are the largest files (the compressed articles, 63 of 145 MB on the news corpus) and a search reads
    /// only its page of them: mapped, every page once read would stay in the process's resident memory; read with
    /// positional reads (no lock, one system call per chunk), they stay in the system's page cache (#6: memory target).
    /// </remarks>
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        if (name.EndsWith(".fdt", StringComparison.Ordinal))
        {
            return PositionalIndexInput.Open(Path.Combine(Directory.FullName, name), StoredFieldsBufferSize);
        }

        var file = MappedFile.Open(Path.Combine(Directory.FullName, name));
        return new MappedIndexInput($"MappedIndexInput(path=\"{file.Path}\")", file, 0, file.Length, owner: true);
    }

    /// <inheritdoc />
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(MappedFile.Open(Path.Combine(Directory.FullName, name)));
    }

    // Compound files: the whole file is mapped once, each inner file is a window onto it.
    private sealed class Slicer(MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset > file.Length - length)
            {
                throw new ArgumentException(
                    $"Slice {sliceDescription} [{offset}, +{length}) is outside {file.Path} ({file.Length} bytes).");
            }

            return new MappedIndexInput($"MappedIndexInput({sliceDescription} in path=\"{file.Path}\")", file, offset, length, owner: false);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }
        }
    }
}

/// <summary>Reads a file with positional reads (<see cref="RandomAccess"/>: no lock, no shared file position), buffered.</summary>
internal sealed class PositionalIndexInput : BufferedIndexInput
{
    private readonly SafeFileHandle _handle;
    private readonly long _length;
    private bool _owner;

    private PositionalIndexInput(string description, SafeFileHandle handle, long length, int bufferSize)
        : base(description, bufferSize)
    {
        _handle = handle;
        _length = length;
        _owner = true;
    }

    public override long Length => _length;

    /// <summary>Opens <paramref name="path"/>; a missing file throws <see cref="FileNotFoundException"/>.</summary>
    public static PositionalIndexInput Open(string path, int bufferSize)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return new PositionalIndexInput($"PositionalIndexInput(path=\"{path}\")", handle, RandomAccess.GetLength(handle), bufferSize);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override object Clone()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var clone = (PositionalIndexInput)base.Clone();
        clone._owner = false;
        return clone;
    }

    // Called with the file position at the start of what to read (the buffer's new start, or the caller's for a large read).
    protected override void ReadInternal(byte[] b, int offset, int length)
    {
        var position = Position;
        if (length > _length - position)
        {
            throw new EndOfStreamException($"Read past EOF: {length} byte(s) at {position} of {_length}: {this}");
        }

        while (length > 0)
        {
            var read = RandomAccess.Read(_handle, b.AsSpan(offset, length), position);
            if (read <= 0)
            {
                throw new EndOfStreamException($"Read past EOF at {position} of {_length}: {this}");
            }

            position += read;
            offset += read;
            length -= read;
        }
    }

    protected override void SeekInternal(long pos)
    {
        if (pos > _length)
        {
            throw new EndOfStreamException($"Seek past EOF ({pos} > {_length}): {this}");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _owner)
        {
            _handle.Dispose();
        }
    }
}

/// <summary>One memory-mapped, read-only file: the pointer to its first byte, kept until disposed.</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _start;
    private int _disposed;

    private MappedFile(string path, long length, MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* start)
    {
        Path = path;
        Length = length;
        _map = map;
        _view = view;
        _start = start;
    }

    public string Path { get; }

    public long Length { get; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The first byte; only valid while <see cref="IsDisposed"/> is false.</summary>
    public byte* Start => _start;

    /// <summary>Maps <paramref name="path"/> read-only; a file that is missing throws <see cref="FileNotFoundException"/>, as Lucene expects.</summary>
    public static MappedFile Open(string path)
    {
        // Shared for writing and deletion: an index generation's files are immutable, and a merge may delete a file
        // that an open reader still maps (the mapping keeps its pages until it is unmapped).
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        MemoryMappedFile? map = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            var length = stream.Length;
            if (length == 0)
            {
                // Nothing to map (and a zero-length map is refused): an empty input that reads nothing.
                stream.Dispose();
                return new MappedFile(path, 0, null, null, null);
            }

            map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new MappedFile(path, length, map, view, pointer + view.PointerOffset);
        }
        catch
        {
            view?.Dispose();
            if (map is null)
            {
                stream.Dispose();
            }

            map?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _map?.Dispose();
    }
}

/// <summary>
/// Reads a window [offset, offset + length) of a <see cref="MappedFile"/>. Byte order and variable-length integers are
/// Lucene's (<see cref="DataInput"/>): big-endian fixed widths, 7 bits per byte for vInts.
/// </summary>
internal sealed unsafe class MappedIndexInput : IndexInput
{
    private readonly MappedFile _file;
    private readonly long _offset;
    private readonly long _length;
    private long _position;
    private bool _owner;

    public MappedIndexInput(string description, MappedFile file, long offset, long length, bool owner)
        : base(description)
    {
        _file = file;
        _offset = offset;
        _length = length;
        _owner = owner;
    }

    public override long Length => _length;

    public override long Position => _position;

    public override byte ReadByte()
    {
        var position = _position;
        if (position >= _length)
        {
            throw PastEnd(1);
        }

        var value = At(position)[0];
        _position = position + 1;
        return value;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (len == 0)
        {
            return;
        }

        Span<byte> destination = b.AsSpan(offset, len);
        var position = _position;
        if (len > _length - position)
        {
            throw PastEnd(len);
        }

        new ReadOnlySpan<byte>(At(position), len).CopyTo(destination);
        _position = position + len;
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    public override int ReadVInt32()
    {
        // At most 5 bytes; the fifth may only carry the top 4 bits.
        var b = ReadByte();
        if (b < 0x80)
        {
            return b;
        }

        var value = b & 0x7F;
        for (var shift = 7; shift < 28; shift += 7)
        {
            b = ReadByte();
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        b = ReadByte();
        if ((b & 0xF0) != 0)
        {
            throw new IOException($"Invalid vInt detected (too many bits) in {this}");
        }

        return value | (b << 28);
    }

    public override long ReadVInt64()
    {
        // At most 9 bytes of 7 bits: 63 bits, never negative.
        long value = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var b = ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new IOException($"Invalid vLong detected (negative values disallowed) in {this}");
    }

    public override void SkipBytes(long numBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
        if (numBytes > _length - _position)
        {
            throw PastEnd(numBytes);
        }

        _position += numBytes;
    }

    public override void Seek(long pos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        ObjectDisposedException.ThrowIf(_file.IsDisposed, this);
        if (pos > _length)
        {
            throw new EndOfStreamException($"Seek past EOF ({pos} > {_length}): {this}");
        }

        _position = pos;
    }

    public override object Clone()
    {
        ObjectDisposedException.ThrowIf(_file.IsDisposed, this);
        var clone = (MappedIndexInput)base.Clone();
        clone._owner = false;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _owner)
        {
            _file.Dispose();
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        var position = _position;
        if (count > _length - position)
        {
            throw PastEnd(count);
        }

        var span = new ReadOnlySpan<byte>(At(position), count);
        _position = position + count;
        return span;
    }

    // The address of a byte known to be inside the window, once the mapping is known to be there.
    private byte* At(long position)
    {
        ObjectDisposedException.ThrowIf(_file.IsDisposed, this);
        return _file.Start + _offset + position;
    }

    private EndOfStreamException PastEnd(long wanted) =>
        new($"Read past EOF: {wanted} byte(s) at {_position} of {_length}: {this}");
}
