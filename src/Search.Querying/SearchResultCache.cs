using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Search.Querying;

/// <summary>The result pages of one index reader, bounded, thread-safe, evicted by second chance (CLOCK) (#6).</summary>
/// <remarks>
/// <para>
/// A hit takes no lock: one dictionary read, and the first time an entry is read since the hand last passed it, one
/// write of its reference bit. An added page goes into the dictionary and at the tail of a FIFO ring. When the pages
/// held weigh more than the capacity, one adder at a time (the lock is only ever taken after a search that ran, some
/// milliseconds) moves the hand over the head of the ring: a page read since its last pass loses its bit and goes
/// back to the tail; a page not read is dropped. Popular queries stay; the long tail of one-off queries leaves first,
/// since a page starts without the bit.
/// </para>
/// <para>
/// The capacity counts pages of up to <see cref="HitsPerSlot"/> hits; a larger page weighs one per started ten (a page
/// of 100 hits counts as ten), so the memory held stays near capacity × one ordinary page whatever page sizes clients ask for.
/// </para>
/// <para>
/// A cache belongs to one reader (see <see cref="ResultCachingSearcher"/>) and is never cleared: a new commit or
/// generation gets a new searcher with an empty cache, and the old one goes with its searcher.
/// </para>
/// </remarks>
internal sealed class SearchResultCache
{
    /// <summary>Hits per unit of capacity.</summary>
    public const int HitsPerSlot = 10;

    private readonly ConcurrentDictionary<SearchResultKey, Entry> _entries = new();
    private readonly ConcurrentQueue<Entry> _ring = new();
    private readonly System.Threading.Lock _handLock = new();
    private readonly ResultCacheCounters _counters;
    private int _weight;
    private int _count;

    public SearchResultCache(int capacity, ResultCacheCounters counters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _counters = counters;
    }

    /// <summary>Pages of up to <see cref="HitsPerSlot"/> hits it may hold.</summary>
    public int Capacity { get; }

    /// <summary>Pages held now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>What <paramref name="page"/> weighs against the capacity.</summary>
    public static int WeightOf(SearchPage page) => Math.Max(1, (page.Hits.Count + HitsPerSlot - 1) / HitsPerSlot);

    /// <summary>The page kept for <paramref name="key"/>, as it was computed (the caller marks it as served from here).</summary>
    public bool TryGet(SearchResultKey key, [NotNullWhen(true)] out SearchPage? page)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Touch();
            _counters.Hit();
            page = entry.Page;
            return true;
        }

        _counters.Miss();
        page = null;
        return false;
    }

    /// <summary>Keeps <paramref name="page"/> for <paramref name="key"/>, dropping others when over capacity.</summary>
    /// <remarks>When a concurrent search of the same key added its page first, that one stays: both are the same answer.</remarks>
    public void Add(SearchResultKey key, SearchPage page)
    {
        var entry = new Entry(key, page, WeightOf(page));
        if (entry.Weight > Capacity || !_entries.TryAdd(key, entry))
        {
            return;
        }

        // In the ring before it is weighed: the hand finds every page it is asked to make room for.
        _ring.Enqueue(entry);
        Interlocked.Increment(ref _count);
        if (Interlocked.Add(ref _weight, entry.Weight) > Capacity)
        {
            MakeRoom();
        }
    }

    private void MakeRoom()
    {
        lock (_handLock)
        {
            // At most one second chance per page held: readers touching every page as fast as the hand clears them
            // cannot keep it going round.
            var chances = Count;
            while (Volatile.Read(ref _weight) > Capacity && _ring.TryDequeue(out var entry))
            {
                if (chances-- > 0 && entry.TryClearReference())
                {
                    _ring.Enqueue(entry);
                    continue;
                }

                // Only the hand removes, and a key's entry is never replaced: this removes exactly this entry.
                _entries.TryRemove(new KeyValuePair<SearchResultKey, Entry>(entry.Key, entry));
                Interlocked.Add(ref _weight, -entry.Weight);
                Interlocked.Decrement(ref _count);
                _counters.Evicted();
            }
        }
    }

    private sealed class Entry(SearchResultKey key, SearchPage page, int weight)
    {
        private int _referenced;

        public SearchResultKey Key { get; } = key;

        public SearchPage Page { get; } = page;

        public int Weight { get; } = weight;

        // Reads the bit first: a popular page is not written (and its cache line not bounced between cores) on every hit.
        public void Touch()
        {
            if (Volatile.Read(ref _referenced) == 0)
            {
                Volatile.Write(ref _referenced, 1);
            }
        }

        public bool TryClearReference() => Interlocked.Exchange(ref _referenced, 0) == 1;
    }
}
