namespace Search.Querying.Tests;

/// <summary>#6: the result cache's key holds everything that changes the answer, and nothing that does not.</summary>
public sealed class SearchResultKeyTests
{
    private static readonly RankingWeights Served = RankingWeights.Default;

    private static readonly SearchRequest Base = new(
        "أسعار النفط",
        Page: 2,
        Size: 10,
        Categories: ["اقتصاد", "سياسة"],
        Sources: ["الجزيرة"],
        From: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        To: new DateTimeOffset(2024, 6, 30, 23, 59, 59, TimeSpan.Zero))
    {
        Months = ["2024-03", "2024-01"],
        RecencyHalfLifeDays = 30,
    };

    private static SearchResultKey Key(SearchRequest request, RankingWeights? ranking = null) => SearchResultKey.For(ranking ?? Served, request);

    public static TheoryData<string, SearchRequest> Differences() => new()
    {
        { "query text", Base with { Query = "أسعار الذهب" } },
        { "query text, one more space", Base with { Query = "أسعار  النفط" } },
        { "page", Base with { Page = 3 } },
        { "size", Base with { Size = 20 } },
        { "a category less", Base with { Categories = ["اقتصاد"] } },
        { "no category filter", Base with { Categories = null } },
        { "another source", Base with { Sources = ["العربية"] } },
        { "another month", Base with { Months = ["2024-03", "2024-02"] } },
        { "from", Base with { From = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero) } },
        { "to", Base with { To = null } },
        { "sort", Base with { Sort = SearchSort.Date } },
        { "recency half-life", Base with { RecencyHalfLifeDays = 31 } },
        { "no recency boost", Base with { RecencyHalfLifeDays = null } },
        { "corrections off", Base with { Correct = false } },
        { "every article, not one per story", Base with { Collapse = false } },
    };

    [Theory]
    [MemberData(nameof(Differences))]
    public void DiffersWhenAnythingThatChangesTheAnswerDiffers(string what, SearchRequest other)
    {
        var key = Key(Base);

        var otherKey = Key(other);

        Assert.False(key.Equals(otherKey), what);
    }

    [Fact]
    public void IsEqualForAnEqualRequest()
    {
        var copy = Base with { Categories = ["اقتصاد", "سياسة"], Sources = ["الجزيرة"], Months = ["2024-03", "2024-01"] };

        var key = Key(Base);

        Assert.Equal(key, Key(copy));
        Assert.Equal(key.GetHashCode(), Key(copy).GetHashCode());
    }

    [Fact]
    public void TreatsFacetSelectionsAsSets()
    {
        // Values of one facet are ORed (FacetCollector looks each up): order and repeats do not change the answer.
        var reordered = Base with { Categories = ["سياسة", "اقتصاد", "سياسة"], Months = ["2024-01", "2024-03"] };

        Assert.Equal(Key(Base), Key(reordered));
        Assert.Equal(Key(Base).GetHashCode(), Key(reordered).GetHashCode());
    }

    [Fact]
    public void TreatsNullAndEmptySelectionsAlikeButNotAnUnknownValue()
    {
        var none = new SearchRequest("النفط", Categories: null);

        Assert.Equal(Key(none), Key(none with { Categories = [] }));

        // A selection of a value no article has filters everything out: not the same as no selection.
        Assert.NotEqual(Key(none), Key(none with { Categories = ["غير موجود"] }));
    }

    [Fact]
    public void ComparesDatesAsInstants()
    {
        var utc = new SearchRequest("النفط", From: new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var riyadh = utc with { From = new DateTimeOffset(2024, 3, 1, 3, 0, 0, TimeSpan.FromHours(3)) };

        Assert.Equal(Key(utc), Key(riyadh));
        Assert.Equal(Key(utc).GetHashCode(), Key(riyadh).GetHashCode());
    }

    [Fact]
    public void SearchesANullQueryAsTheEmptyOne()
    {
        Assert.Equal(Key(new SearchRequest(null)), Key(new SearchRequest(string.Empty)));
    }

    [Fact]
    public void TellsRankingConfigurationsApartByIdentityNotByName()
    {
        // Same name and values, another instance (a configuration file re-read after an edit): not the same ranking.
        var reloaded = Served with { };
        var stock = Search.Querying.Ranking.RankingConfigLoader.Load("stock");

        Assert.Equal(Key(Base, Served), Key(Base, RankingWeights.Default));
        Assert.NotEqual(Key(Base, Served), Key(Base, reloaded));
        Assert.NotEqual(Key(Base, Served), Key(Base, stock));
    }
}
