using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Search.Querying.Spelling;

/// <summary>64-bit hashes of normalized words and word pairs: the keys of the language model's count tables.</summary>
/// <remarks>
/// The model keeps no strings (#18: the API's memory is counted): a word is its XxHash3 of UTF-16 code units, a pair
/// the two hashes mixed. Between the ~230,000 words and ~1,000,000 pairs of the news corpus a collision has odds of
/// about one in ten million, and would only add one count to another word's.
/// </remarks>
internal static class TermHash
{
    /// <summary>The hash of a normalized word.</summary>
    public static ulong Of(ReadOnlySpan<char> word) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word));

    /// <summary>The hash of the ordered pair (<paramref name="first"/>, <paramref name="second"/>).</summary>
    public static ulong Pair(ulong first, ulong second) => Mix(first ^ BitOperations.RotateLeft(second, 29) ^ 0x9E3779B97F4A7C15UL);

    // splitmix64's finalizer: every bit of the input moves every bit of the output.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
