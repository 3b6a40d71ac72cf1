using Search.Querying.Spelling;

namespace Search.Querying.Tests.Spelling;

public sealed class CountTableTests
{
    [Fact]
    public void AddsUpCountsAndGrowsAsKeysComeIn()
    {
        var table = new CountTable(expected: 4);
        for (ulong key = 1; key <= 1000; key++)
        {
            table.Add(key, 1);
            table.Add(key, (int)(key % 3));
        }

        Assert.Equal(1000, table.Count);
        Assert.Equal(3, table[998]);
        Assert.Equal(0, table[5000]);

        // 0 marks an empty slot: a hash of 0 is counted as 1 (a collision, as of any two hashes).
        table.Add(0, 5);
        Assert.Equal(7, table[0]);
        Assert.Equal(7, table[1]);
    }

    [Fact]
    public void KeepsOnlyTheFrequentKeysWhenCompacted()
    {
        var table = new CountTable();
        table.Add(10, 1);
        table.Add(20, 2);
        table.Add(30, 5);

        var compact = table.Compact(minCount: 2);

        Assert.Equal(2, compact.Count);
        Assert.Equal(0, compact[10]);
        Assert.Equal(2, compact[20]);
        Assert.Equal(5, compact[30]);
    }

    [Fact]
    public void PairCountsFindWhatWasKept()
    {
        var table = new CountTable();
        for (ulong key = 1; key <= 100; key++)
        {
            table.Add(key * 7919, (int)(key % 4));
        }

        var pairs = new PairCounts(table, minCount: 2);

        Assert.Equal(50, pairs.Count);
        Assert.Equal(3, pairs[3 * 7919]);
        Assert.Equal(0, pairs[1 * 7919]); // counted once: not kept
        Assert.Equal(0, pairs[12345]);
    }
}
