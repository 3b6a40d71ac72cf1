namespace Search.Querying.Spelling;

/// <summary>Word-pair counts as two sorted arrays (hash, count): 12 bytes a pair, looked up by a binary search in the keys that share the hash's top bits.</summary>
/// <remarks>
/// A query needs a few hundred pair lookups (each candidate of a word against each of the next), so the pairs, five
/// times as many as the words, are kept compact. The hashes are uniform, so a table of where each top-16-bit prefix
/// starts (#17: 256 KiB) leaves a binary search of a dozen keys, a cache line or two, instead of twenty probes across
/// megabytes. Immutable; thread-safe.
/// </remarks>
internal sealed class PairCounts
{
    private const int PrefixBits = 16;

    private readonly ulong[] _keys;
    private readonly int[] _counts;

    // Where the keys of each top-16-bit prefix start; the prefix's keys end where the next prefix's start.
    private readonly int[] _starts = new int[(1 << PrefixBits) + 1];

    /// <summary>The pairs of <paramref name="table"/> counted at least <paramref name="minCount"/> times.</summary>
    public PairCounts(CountTable table, int minCount)
    {
        var kept = table.Entries().Count(e => e.Count >= minCount);
        _keys = new ulong[kept];
        _counts = new int[kept];
        var i = 0;
        foreach (var (key, count) in table.Entries())
        {
            if (count >= minCount)
            {
                (_keys[i], _counts[i]) = (key, count);
                i++;
            }
        }

        Array.Sort(_keys, _counts);
        var next = 0;
        for (var prefix = 0; prefix <= 1 << PrefixBits; prefix++)
        {
            while (next < _keys.Length && (int)(_keys[next] >> (64 - PrefixBits)) < prefix)
            {
                next++;
            }

            _starts[prefix] = next;
        }
    }

    /// <summary>Pairs held.</summary>
    public int Count => _keys.Length;

    /// <summary>Bytes of the two arrays.</summary>
    public long Bytes => (_keys.LongLength * sizeof(ulong)) + (_counts.LongLength * sizeof(int)) + (_starts.LongLength * sizeof(int));

    /// <summary>The count of the pair <paramref name="key"/> (see <see cref="TermHash.Pair"/>), 0 when absent or pruned.</summary>
    public int this[ulong key]
    {
        get
        {
            var prefix = (int)(key >> (64 - PrefixBits));
            var start = _starts[prefix];
            var i = Array.BinarySearch(_keys, start, _starts[prefix + 1] - start, key);
            return i >= 0 ? _counts[i] : 0;
        }
    }
}
