using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>What /search adds for the search box (#4): multi-select facets, month facet, corrections, recency, highlighting.</summary>
public sealed class SearchBoxSearchTests(SearchBoxIndexFixture index) : IClassFixture<SearchBoxIndexFixture>
{
    private readonly NewsSearcher _searcher = index.Searcher;

    private static List<string> Ids(SearchPage page) => page.Hits.Select(hit => hit.Id).Order().ToList();

    private static Dictionary<string, int> Counts(IReadOnlyList<FacetValue> values) => values.ToDictionary(v => v.Value, v => v.Count);

    [Fact]
    public void CountsCategorySourceAndMonthOverAllMatches()
    {
        // الحكومة: s01 s02 s03 s04 s06 s08 s09 s11 s12.
        var page = _searcher.Search(new SearchRequest("الحكومة", Size: 1));

        Assert.Equal(9, page.Total);
        Assert.Equal(9, page.Facets.Category.Sum(v => v.Count));
        Assert.Equal(
            new Dictionary<string, int> { ["2018-06"] = 4, ["2018-02"] = 3, ["2018-03"] = 1, ["2017-01"] = 1 },
            Counts(page.Facets.Month));
    }

    [Fact]
    public void CountsTheMonthInUtc()
    {
        // s07 is dated 2018-03-01T01:00+04:00, which is 2018-02-28 in UTC.
        var page = _searcher.Search(new SearchRequest("معرض"));

        Assert.Equal([new FacetValue("2018-02", 1)], page.Facets.Month);
    }

    [Fact]
    public void TreatsSeveralValuesOfOneFacetAsAlternatives()
    {
        var page = _searcher.Search(new SearchRequest("الحكومة", Categories: ["economy", "politic"]));

        Assert.Equal(["s03", "s06", "s08", "s09"], Ids(page));
        Assert.Equal(4, page.Total);
    }

    [Fact]
    public void CombinesDifferentFacetsWithAnd()
    {
        var page = _searcher.Search(new SearchRequest("الحكومة", Categories: ["economy"], Sources: ["skynews"]));

        Assert.Equal(["s08"], Ids(page));
    }

    [Fact]
    public void CountsEachFacetWithTheOtherFacetsFiltersButNotItsOwn()
    {
        var page = _searcher.Search(new SearchRequest("الحكومة", Categories: ["economy"], Sources: ["skynews"]));

        // Categories under source=skynews only: s01 sport, s08 economy, s11 internationalNews.
        Assert.Equal(new Dictionary<string, int> { ["sport"] = 1, ["economy"] = 1, ["internationalNews"] = 1 }, Counts(page.Facets.Category));

        // Sources under category=economy only: s03 cnn, s08 skynews.
        Assert.Equal(new Dictionary<string, int> { ["cnn"] = 1, ["skynews"] = 1 }, Counts(page.Facets.Source));

        // Months under both filters: s08 only.
        Assert.Equal([new FacetValue("2018-02", 1)], page.Facets.Month);
    }

    [Fact]
    public void FiltersByMonth()
    {
        var page = _searcher.Search(new SearchRequest("الحكومة") { Months = ["2018-06", "2017-01"] });

        Assert.Equal(["s01", "s02", "s03", "s11", "s12"], Ids(page));
        Assert.Equal(9, page.Facets.Month.Sum(v => v.Count)); // the month facet ignores its own filter
    }

    [Fact]
    public void MatchesNothingForAnUnknownFacetValue()
    {
        var page = _searcher.Search(new SearchRequest("الحكومة", Categories: ["no-such-category"]));

        Assert.Equal(0, page.Total);
        Assert.Contains(page.Facets.Category, v => v.Value == "economy");
    }

    [Fact]
    public void OffersDidYouMeanForAnAbsentWordWhenTheCorrectionHasResults()
    {
        // الحكومت: a typo (ت for ة), in no article; الحكومة is in nine.
        var page = _searcher.Search(new SearchRequest("الحكومت الجديدة"));

        Assert.Equal("الحكومة الجديدة", page.DidYouMean);
        Assert.False(page.Corrected);
        Assert.True(page.Total > 0);
    }

    [Fact]
    public void OffersTheCorrectionOfASlipThatLeavesAnotherWordAsDidYouMean()
    {
        // كاس العلم: العلم is a word, but after كأس it is العالم with a dropped alef (#18). كاس alone finds three articles.
        var page = _searcher.Search(new SearchRequest("كاس العلم"));

        Assert.Equal("كاس العالم", page.DidYouMean);
        Assert.False(page.Corrected);
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public void OffersNoCorrectionForWellSpelledWords()
    {
        var page = _searcher.Search(new SearchRequest("الحكومة"));

        Assert.Null(page.DidYouMean);
        Assert.False(page.Corrected);
        Assert.Null(page.SearchedQuery);
    }

    [Fact]
    public void ShowsTheResultsOfTheCorrectionWhenTheQueryFindsNothingAndSaysSo()
    {
        var page = _searcher.Search(new SearchRequest("الحكومت"));

        Assert.True(page.Corrected);
        Assert.Equal("الحكومة", page.SearchedQuery);
        Assert.Null(page.DidYouMean);
        Assert.Equal(9, page.Total); // the corrected word as searched: والحكومة (s06) too, by its proclitic form
        Assert.Contains("<mark>الحكومة</mark>", page.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void RetriesWithTypoToleranceWhenNothingMatchesAndNoCorrectionIsLikelyEnough()
    {
        // البرلمبن: ا typed as ب, keys apart and of different sounds, so the corrector does not trust it (البرلمان is in
        // one article); the typo-tolerant retry matches every spelling within two edits.
        var page = _searcher.Search(new SearchRequest("البرلمبن"));

        Assert.True(page.Corrected);
        Assert.Equal("البرلمان", page.SearchedQuery);
        Assert.Equal(["s09"], Ids(page));
    }

    [Fact]
    public void GivesShortWordsNoTypoBudget()
    {
        // Three letters: no edits allowed, so no retry.
        var page = _searcher.Search(new SearchRequest("ززز"));

        Assert.Equal(0, page.Total);
        Assert.False(page.Corrected);
    }

    [Fact]
    public void KeepsFiltersInTheTypoTolerantRetry()
    {
        var page = _searcher.Search(new SearchRequest("الحكومت", Categories: ["economy"]));

        Assert.True(page.Corrected);
        Assert.Equal(["s03", "s08"], Ids(page));
    }

    [Fact]
    public void CanBeAskedNotToCorrect()
    {
        var page = _searcher.Search(new SearchRequest("الحكومت") { Correct = false });

        Assert.Equal(0, page.Total);
        Assert.False(page.Corrected);
        Assert.Null(page.DidYouMean);
    }

    [Fact]
    public void BoostsRecentArticlesWhenAskedAndOnlyThen()
    {
        // s11 (2017-01) has زلزال twice, s12 (2018-06-20, the newest article) once: relevance alone puts s11 first.
        var plain = _searcher.Search(new SearchRequest("زلزال"));
        var recent = _searcher.Search(new SearchRequest("زلزال") { RecencyHalfLifeDays = 30 });

        Assert.Equal(["s11", "s12"], plain.Hits.Select(h => h.Id));
        Assert.Equal(["s12", "s11"], recent.Hits.Select(h => h.Id));

        // s12 is the newest article: factor 1 + 2^0 = 2; s11 is 526 days older: factor 1 + 2^(-526/30), about 1.
        var expected = 2.0;
        var ratio = recent.Hits[0].Score / plain.Hits.Single(h => h.Id == "s12").Score;
        Assert.Equal(expected, ratio, 3);
    }

    [Fact]
    public void SortsNewestFirstIgnoringRecency()
    {
        var page = _searcher.Search(new SearchRequest("الحكومة", Sort: SearchSort.Date) { RecencyHalfLifeDays = 1 });

        Assert.Equal(["s12", "s02", "s01"], page.Hits.Take(3).Select(h => h.Id));
    }

    [Fact]
    public void PagesStablyThroughTiedScores()
    {
        var all = _searcher.Search(new SearchRequest("الحكومة", Size: 100)).Hits.Select(h => h.Id).ToList();

        var paged = Enumerable.Range(1, 5).SelectMany(p => _searcher.Search(new SearchRequest("الحكومة", p, 2)).Hits.Select(h => h.Id)).ToList();

        Assert.Equal(all, paged);
    }

    [Fact]
    public void HighlightsTitleAndEveryMatchedForm()
    {
        // Query اسلام (no article, no hamza) matches الإسلام in title and body through normalization and stemming.
        var hit = _searcher.Search(new SearchRequest("اسلام")).Hits.Single(h => h.Id == "s04");

        Assert.Equal("<mark>الإسلام</mark> في أوروبا: دراسة جديدة", hit.TitleHighlighted);
        Assert.Contains("واقع <mark>الإسلام</mark> في", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsMixedArabicLatinAndDigitsInLogicalOrder()
    {
        var hit = _searcher.Search(new SearchRequest("iPhone هاتف")).Hits.Single(h => h.Id == "s10");

        Assert.Contains("عن <mark>هاتف</mark> <mark>iPhone</mark> 15 بسعر 999 دولارا في مؤتمر عقد في 2023", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal("شركة Apple تعلن عن <mark>iPhone</mark> جديد", hit.TitleHighlighted);
        Assert.DoesNotContain('\u200F', hit.Snippet);
        Assert.DoesNotContain('\u200E', hit.Snippet);
    }
}
