namespace Search.Querying;

/// <summary>Sorted completion keys with weights: the best distinct entries under a prefix in O(k log n).</summary>
/// <remarks>
/// Keys are normalized text sorted by ordinal, so every key starting with a prefix lies in one contiguous range found by
/// two binary searches. A segment tree over the weights gives the heaviest key of any range in O(log n); the top k are
/// drawn best-first from a priority queue of ranges split around each winner, so a one-letter prefix covering 100,000
/// keys costs the same as a long one. Several keys may point to one entry (an alias such as the word without its
/// article): each entry is returned once. Immutable and thread-safe once built.
/// </remarks>
internal sealed class CompletionTable
{
    private readonly string[] _keys;
    private readonly int[] _entries;
    private readonly long[] _weights;
    private readonly int[] _tree;

    public CompletionTable(List<(string Key, int Entry, long Weight)> items)
    {
        items.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var n = items.Count;
        _keys = new string[n];
        _entries = new int[n];
        _weights = new long[n];
        for (var i = 0; i < n; i++)
        {
            (_keys[i], _entries[i], _weights[i]) = items[i];
        }

        _tree = new int[Math.Max(2, 2 * n)];
        for (var i = 0; i < n; i++)
        {
            _tree[n + i] = i;
        }

        for (var i = n - 1; i > 0; i--)
        {
            _tree[i] = Better(_tree[2 * i], _tree[(2 * i) + 1]);
        }
    }

    public int Count => _keys.Length;

    /// <summary>Up to <paramref name="k"/> distinct entries with a key starting with <paramref name="prefix"/>, heaviest first (ties: smaller key).</summary>
    public List<int> Top(string prefix, int k)
    {
        var result = new List<int>(k);
        var (lo, hi) = Range(prefix);
        if (lo >= hi || k <= 0)
        {
            return result;
        }

        var seen = new HashSet<int>();
        var queue = new PriorityQueue<(int Lo, int Hi, int Best), (long Weight, int Index)>(ByWeightDescending.Instance);
        Push(queue, lo, hi);
        while (result.Count < k && queue.TryDequeue(out var range, out _))
        {
            if (seen.Add(_entries[range.Best]))
            {
                result.Add(_entries[range.Best]);
            }

            Push(queue, range.Lo, range.Best);
            Push(queue, range.Best + 1, range.Hi);
        }

        return result;
    }

    private void Push(PriorityQueue<(int Lo, int Hi, int Best), (long Weight, int Index)> queue, int lo, int hi)
    {
        if (lo >= hi)
        {
            return;
        }

        var best = ArgMax(lo, hi);
        queue.Enqueue((lo, hi, best), (_weights[best], best));
    }

    private (int Lo, int Hi) Range(string prefix)
    {
        int lo = 0, hi = _keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_keys[mid], prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        int start = lo, end = _keys.Length;
        while (lo < end)
        {
            var mid = (lo + end) >>> 1;
            if (_keys[mid].StartsWith(prefix, StringComparison.Ordinal))
            {
                lo = mid + 1;
            }
            else
            {
                end = mid;
            }
        }

        return (start, lo);
    }

    private int ArgMax(int lo, int hi)
    {
        var n = _keys.Length;
        var best = -1;
        for (lo += n, hi += n; lo < hi; lo >>= 1, hi >>= 1)
        {
            if ((lo & 1) == 1)
            {
                best = Better(best, _tree[lo++]);
            }

            if ((hi & 1) == 1)
            {
                best = Better(best, _tree[--hi]);
            }
        }

        return best;
    }

    private int Better(int a, int b)
    {
        if (a < 0)
        {
            return b;
        }

        if (b < 0)
        {
            return a;
        }

        return _weights[b] > _weights[a] || (_weights[b] == _weights[a] && b < a) ? b : a;
    }

    private sealed class ByWeightDescending : IComparer<(long Weight, int Index)>
    {
        public static readonly ByWeightDescending Instance = new();

        public int Compare((long Weight, int Index) x, (long Weight, int Index) y) =>
            x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.Index.CompareTo(y.Index);
    }
}
