namespace Search.Querying.Tests;

public sealed class CompletionTableTests
{
    [Fact]
    public void ReturnsHeaviestEntriesUnderPrefixOnceEach()
    {
        // Entry 0 has two keys (with and without the article), like a word of the suggestion dictionary.
        var table = new CompletionTable(
        [
            ("الاسلام", 0, 50),
            ("اسلام", 0, 50),
            ("اسلامي", 1, 20),
            ("اسلاميه", 2, 70),
            ("اسماء", 3, 99),
            ("بيت", 4, 1000),
        ]);

        Assert.Equal([2, 0, 1], table.Top("اسلا", 10));
        Assert.Equal([2, 0], table.Top("اسلا", 2));
        Assert.Equal([0], table.Top("الا", 10));
        Assert.Empty(table.Top("ت", 10));
    }

    [Fact]
    public void FindsTopOfLargeRangeExactly()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 5000).Select(i => ($"k{random.Next(100000):D5}", i, (long)random.Next(1000))).ToList();
        var table = new CompletionTable([.. items]);

        var top = table.Top("k1", 10);

        var expected = items.Where(i => i.Item1.StartsWith("k1", StringComparison.Ordinal))
            .OrderByDescending(i => i.Item3).ThenBy(i => i.Item1, StringComparer.Ordinal).Take(10).Select(i => i.Item3);
        Assert.Equal(expected, top.Select(entry => items[entry].Item3));
    }

    [Fact]
    public void HandlesEmptyTable()
    {
        Assert.Empty(new CompletionTable([]).Top("ا", 5));
    }
}
