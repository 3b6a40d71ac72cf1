namespace Search.Querying.Spelling;

/// <summary>Counts keyed by 64-bit hashes in two flat arrays (open addressing, linear probing): a lookup is a few array reads.</summary>
/// <remarks>
/// The corrector looks up several hundred candidate spellings per query word, most of them no word at all, so a lookup
/// must cost tens of nanoseconds, not a dictionary's or a binary search's. Key 0 marks an empty slot (a hash of 0 is
/// stored as 1). Filled while the model is built (it grows at three quarters full), then <see cref="Compact"/>ed to at
/// most half full and only read, from any thread.
/// </remarks>
internal sealed class CountTable
{
    private ulong[] _keys;
    private int[] _counts;
    private int _mask;

    /// <summary>An empty table with room for about <paramref name="expected"/> keys before it grows.</summary>
    public CountTable(int expected = 1024)
    {
        var capacity = Capacity(expected, 0.75);
        _keys = new ulong[capacity];
        _counts = new int[capacity];
        _mask = capacity - 1;
    }

    /// <summary>Keys held.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the two arrays.</summary>
    public long Bytes => (_keys.LongLength * sizeof(ulong)) + (_counts.LongLength * sizeof(int));

    /// <summary>The count of <paramref name="key"/>, 0 when absent.</summary>
    public int this[ulong key]
    {
        get
        {
            var slot = Slot(Stored(key));
            return _keys[slot] == 0 ? 0 : _counts[slot];
        }
    }

    /// <summary>Adds <paramref name="count"/> to the count of <paramref name="key"/>.</summary>
    public void Add(ulong key, int count)
    {
        key = Stored(key);
        var slot = Slot(key);
        if (_keys[slot] == 0)
        {
            if ((Count + 1) * 4 > _keys.Length * 3)
            {
                Resize(_keys.Length * 2);
                slot = Slot(key);
            }

            _keys[slot] = key;
            Count++;
        }

        _counts[slot] += count;
    }

    /// <summary>Every key and its count, in no particular order.</summary>
    public IEnumerable<(ulong Key, int Count)> Entries()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                yield return (_keys[i], _counts[i]);
            }
        }
    }

    /// <summary>A new table of the keys counted at least <paramref name="minCount"/> times, at most half full (fast misses).</summary>
    public CountTable Compact(int minCount)
    {
        var kept = 0;
        for (var i = 0; i < _keys.Length; i++)
        {
            kept += _keys[i] != 0 && _counts[i] >= minCount ? 1 : 0;
        }

        var table = new CountTable(1);
        table.Resize(Capacity(kept, 0.5));
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0 && _counts[i] >= minCount)
            {
                table.Add(_keys[i], _counts[i]);
            }
        }

        return table;
    }

    private void Resize(int capacity)
    {
        var keys = _keys;
        var counts = _counts;
        _keys = new ulong[capacity];
        _counts = new int[capacity];
        _mask = capacity - 1;
        Count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                var slot = Slot(keys[i]);
                _keys[slot] = keys[i];
                _counts[slot] = counts[i];
                Count++;
            }
        }
    }

    // The slot holding key, or the empty slot where it would go.
    private int Slot(ulong key)
    {
        var slot = (int)(key ^ (key >> 32)) & _mask;
        while (_keys[slot] != 0 && _keys[slot] != key)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }

    private static ulong Stored(ulong key) => key == 0 ? 1 : key;

    // The power of two that holds n keys at most `load` full.
    private static int Capacity(int n, double load)
    {
        var capacity = 16;
        while (capacity * load < n)
        {
            capacity <<= 1;
        }

        return capacity;
    }
}
