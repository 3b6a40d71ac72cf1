using System.Numerics;

namespace Search.Querying.Spelling;

/// <summary>
/// A blocked Bloom filter of word hashes: one 64-bit block per key, three bits set in it, so asking costs one read of a
/// table small enough for the cache. Says no only for a hash never added; says yes for about one in ten thousand others.
/// </summary>
/// <remarks>
/// #17: the corrector asks the language model about several hundred one-slip spellings per query word, nearly all of them
/// no word at all; each answer from the count table (megabytes, random slots) was a cache miss. This filter answers most
/// of them first.
/// </remarks>
internal sealed class WordFilter
{
    private readonly ulong[] _blocks;
    private readonly int _mask;

    /// <summary>A filter of <paramref name="hashes"/> (<paramref name="count"/> of them), about one block per key.</summary>
    public WordFilter(IEnumerable<ulong> hashes, int count)
    {
        var size = (int)Math.Max(64, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count)));
        _blocks = new ulong[size];
        _mask = size - 1;
        foreach (var hash in hashes)
        {
            _blocks[Block(hash)] |= Bits(hash);
        }
    }

    /// <summary>Bytes of the table.</summary>
    public long Bytes => _blocks.LongLength * sizeof(ulong);

    /// <summary>False when <paramref name="hash"/> was surely never added.</summary>
    public bool MayContain(ulong hash)
    {
        var bits = Bits(hash);
        return (_blocks[Block(hash)] & bits) == bits;
    }

    // The block from the low bits, the three bit positions from three six-bit slices of the high ones.
    private int Block(ulong hash) => (int)hash & _mask;

    private static ulong Bits(ulong hash) => (1UL << (int)(hash >> 58)) | (1UL << (int)((hash >> 52) & 63)) | (1UL << (int)((hash >> 46) & 63));
}
