namespace Search.Querying.Tests.Collapsing;

public sealed class StoryCollapsingTests
{
    private static List<string> Ids(SearchPage page) => page.Hits.Select(hit => hit.Id).ToList();

    [Fact]
    public void ShowsOneHitPerStoryNamingItsCopies()
    {
        using var index = new StoryIndex();

        var page = index.Searcher.Search(new SearchRequest("أوبك النفط"));

        Assert.True(page.Collapsed);
        var hit = Assert.Single(page.Hits);
        Assert.StartsWith("a", hit.Id, StringComparison.Ordinal);
        Assert.Equal(4, hit.CopyCount);
        Assert.Equal(new[] { "a1", "a2", "a3", "a4", "a5" }.Where(id => id != hit.Id), hit.Copies.Select(copy => copy.Id).Order(StringComparer.Ordinal));
        var copy = hit.Copies.Single(c => c.Id == "a3");
        Assert.Equal(("wire-two", "economy", "https://example.com/wire-two/a3", "2018-05-01T12:00:00Z"), (copy.Source, copy.Category, copy.Url, copy.Date));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public void ListsEveryArticleWhenCollapsingIsOff()
    {
        using var index = new StoryIndex();

        var page = index.Searcher.Search(new SearchRequest("أوبك النفط") { Collapse = false });

        Assert.False(page.Collapsed);
        Assert.Equal(["a1", "a2", "a3", "a4", "a5"], Ids(page).Order(StringComparer.Ordinal));
        Assert.All(page.Hits, hit => Assert.Equal(0, hit.CopyCount));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public void NeverRepeatsAStoryOfAnEarlierPage()
    {
        using var index = new StoryIndex();
        var request = new SearchRequest("أسعار الدولار المعرض المنتخب النفط", Size: 1);

        var paged = new List<string>();
        for (var number = 1; number <= 10; number++)
        {
            paged.AddRange(Ids(index.Searcher.Search(request with { Page = number })));
        }

        var whole = Ids(index.Searcher.Search(request with { Size = 10 }));
        Assert.Equal(whole, paged);
        Assert.Equal(5, whole.Count);
        Assert.Single(whole, id => id.StartsWith('a'));
        Assert.Single(whole, id => id.StartsWith('b'));
    }

    [Fact]
    public void KeepsTheNewestCopyWhenSortedByDate()
    {
        using var index = new StoryIndex();

        var page = index.Searcher.Search(new SearchRequest("أوبك النفط", Sort: SearchSort.Date));

        Assert.Equal("a5", Assert.Single(page.Hits).Id);
        Assert.Equal("a3", page.Hits[0].Copies[0].Id);
    }

    [Fact]
    public void RanksFurtherWhenCopiesFillTheCandidates()
    {
        // Forty copies of one story rank above two other stories: the first candidates are all copies.
        var story = StoryIndex.Stories.Single(article => article.Id == "a1");
        var articles = Enumerable.Range(0, 40).Select(i => story with { Id = $"copy{i:D2}", Body = story.Body + "\nأوبك أوبك" })
            .Concat(StoryIndex.Stories.Where(article => article.Id is "b1" or "d1").Select(article => article with { Body = article.Body + "\nأوبك" }))
            .ToList();
        using var index = new StoryIndex(articles);

        var first = index.Searcher.Search(new SearchRequest("أوبك", Size: 2));
        var second = index.Searcher.Search(new SearchRequest("أوبك", Page: 2, Size: 2));

        Assert.StartsWith("copy", first.Hits[0].Id, StringComparison.Ordinal);
        Assert.Equal(39, first.Hits[0].CopyCount);
        Assert.Equal(20, first.Hits[0].Copies.Count);
        Assert.Equal(["b1", "d1"], Ids(first).Skip(1).Concat(Ids(second)).Order(StringComparer.Ordinal));
        Assert.Equal(42, first.Total);
    }

    [Fact]
    public void ShowsTheCopyThatStaysAfterADelete()
    {
        using var index = new StoryIndex();
        var before = index.Searcher.Search(new SearchRequest("أوبك النفط")).Hits.Single();

        index.Delete(before.Id);
        var after = index.Searcher.Search(new SearchRequest("أوبك النفط")).Hits.Single();

        Assert.NotEqual(before.Id, after.Id);
        Assert.Equal(3, after.CopyCount);
        Assert.DoesNotContain(after.Copies, copy => copy.Id == before.Id);
    }

    [Fact]
    public void CountsArticlesInTotalAndFacetsWhetherCollapsedOrNot()
    {
        using var index = new StoryIndex();

        var collapsed = index.Searcher.Search(new SearchRequest("أوبك النفط"));
        var every = index.Searcher.Search(new SearchRequest("أوبك النفط") { Collapse = false });

        Assert.Equal(every.Total, collapsed.Total);
        Assert.Equal(every.Facets.Category, collapsed.Facets.Category);
        Assert.Equal(3, collapsed.Facets.Category.Single(value => value.Value == "economy").Count);
    }
}
