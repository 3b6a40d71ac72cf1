using Search.Querying.Tests.Support;

namespace Search.Querying.Tests.Variants;

/// <summary>Name variants in real searches over names.jsonl, with names.variants.txt (ترامب ترمب, بوتين بوتن).</summary>
public sealed class NameVariantsSearchTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "searchbox");

    private readonly TempDirectory _root = new();
    private readonly string _variants;

    public NameVariantsSearchTests()
    {
        TestIndex.CreateGeneration(_root.Path, TestIndex.Load(Path.Combine(Fixture, "names.jsonl")));
        _variants = Path.Combine(_root.Path, "variants.txt");
        File.Copy(Path.Combine(Fixture, "names.variants.txt"), _variants);
    }

    public void Dispose() => _root.Dispose();

    private NewsSearcher Open(string? variants) =>
        new(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan) { VariantsPath = variants });

    private static List<string> Ids(SearchPage page) => [.. page.Hits.Select(h => h.Id)];

    [Fact]
    public void FindsTheArticlesOfEverySpellingWhicheverIsTyped()
    {
        using var plain = Open(null);
        using var searcher = Open(_variants);

        var typedRare = searcher.Search(new SearchRequest("ترمب", Size: 20));
        var typedCommon = searcher.Search(new SearchRequest("ترامب", Size: 20));

        Assert.Equal(2, plain.Search(new SearchRequest("ترمب", Size: 20)).Total);
        Assert.Equal(7, typedRare.Total); // 4 + 2 + the Kim article naming ترامب
        Assert.Equal(Ids(typedRare).Order(), Ids(typedCommon).Order());
        Assert.False(typedRare.Corrected);
    }

    [Fact]
    public void RanksTheSpellingTypedFirst()
    {
        using var searcher = Open(_variants);

        var page = searcher.Search(new SearchRequest("ترمب", Size: 20));

        Assert.Equal(["n-tramb-1", "n-tramb-2"], Ids(page).Take(2).Order());
        Assert.Contains("<mark>ترامب</mark>", page.Hits[2].TitleHighlighted ?? page.Hits[2].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void MergesNothingElse()
    {
        using var searcher = Open(_variants);

        Assert.Equal(["n-macron-1", "n-putin-2", "n-trump-4"], Ids(searcher.Search(new SearchRequest("ماكرون"))).Order());
        Assert.Equal(["n-mccain-1", "n-mccain-2"], Ids(searcher.Search(new SearchRequest("ماكين"))).Order());
    }

    [Fact]
    public void ReadsTheVariantsFileAgainAndNeverServesAPageCachedUnderTheOldGroups()
    {
        using var searcher = Open(_variants);
        var before = searcher.Search(new SearchRequest("بوتن"));
        Assert.True(searcher.Search(new SearchRequest("بوتن")).Cached);

        File.WriteAllLines(_variants, ["ترامب ترمب"]);
        File.SetLastWriteTimeUtc(_variants, DateTime.UtcNow.AddMinutes(1));
        searcher.Refresh();
        var after = searcher.Search(new SearchRequest("بوتن"));

        Assert.Equal(3, before.Total);
        Assert.False(after.Cached);
        Assert.Equal(["n-putin-3"], Ids(after));
    }
}
