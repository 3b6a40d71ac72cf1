namespace Search.Querying.Spelling;

/// <summary>Word-pair counts as two sorted arrays (hash, count): 12 bytes a pair, looked up by binary search.</summary>
/// <remarks>
/// A query needs a few dozen pair lookups (each candidate of a word against each of the next), so the pairs, five times
/// as many as the words, are kept compact rather than fast. Immutable; thread-safe.
/// </remarks>
internal sealed class PairCounts
{
    private readonly ulong[] _keys;
    private readonly int[] _counts;

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
    }

    /// <summary>Pairs held.</summary>
    public int Count => _keys.Length;

    /// <summary>Bytes of the two arrays.</summary>
    public long Bytes => (_keys.LongLength * sizeof(ulong)) + (_counts.LongLength * sizeof(int));

    /// <summary>The count of the pair <paramref name="key"/> (see <see cref="TermHash.Pair"/>), 0 when absent or pruned.</summary>
    public int this[ulong key]
    {
        get
        {
            var i = Array.BinarySearch(_keys, key);
            return i >= 0 ? _counts[i] : 0;
        }
    }
}
