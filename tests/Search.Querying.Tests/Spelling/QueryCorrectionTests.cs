using Search.Core.Schema;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests.Spelling;

/// <summary>When a search shows its correction's results and when it only offers it (#18), over a real index.</summary>
public sealed class QueryCorrectionTests : IClassFixture<QueryCorrectionTests.Index>
{
    private readonly NewsSearcher _searcher;

    public QueryCorrectionTests(Index index)
    {
        _searcher = index.Searcher;
    }

    [Fact]
    public void ShowsTheCorrectionsResultsWhenTheQueryFindsAlmostNothingAndTheCorrectionTenTimesAsMany()
    {
        // الزلزل: a slip of الزلزال (in 30 articles) found in one article.
        var page = _searcher.Search(new SearchRequest("الزلزل"));

        Assert.True(page.Corrected);
        Assert.Equal("الزلزال", page.SearchedQuery);
        Assert.Null(page.DidYouMean);
        Assert.Equal(30, page.Total);
    }

    [Fact]
    public void SearchesAsTypedWhenAskedNotToCorrect()
    {
        var page = _searcher.Search(new SearchRequest("الزلزل") { Correct = false });

        Assert.False(page.Corrected);
        Assert.Null(page.SearchedQuery);
        Assert.Null(page.DidYouMean);
        Assert.Equal(["typo"], page.Hits.Select(h => h.Id));
    }

    [Fact]
    public void OffersTheCorrectionWhenTheQueryFindsMoreThanAlmostNothing()
    {
        // البركن يثور: يثور alone finds the 40 volcano articles; their results stay, and البركان يثور is offered.
        var page = _searcher.Search(new SearchRequest("البركن يثور"));

        Assert.False(page.Corrected);
        Assert.Equal(40, page.Total);
        Assert.Equal("البركان يثور", page.DidYouMean);
    }

    /// <summary>30 articles about an earthquake and one with its slip; 40 about a volcano.</summary>
    public sealed class Index : IDisposable
    {
        private readonly TempDirectory _root = new();

        public Index()
        {
            var articles = new List<NewsArticle>();
            for (var i = 0; i < 30; i++)
            {
                articles.Add(new NewsArticle($"quake-{i}", "ضرب الزلزال المنطقة فجرا", Title: "الزلزال يضرب المدينة"));
            }

            for (var i = 0; i < 40; i++)
            {
                articles.Add(new NewsArticle($"volcano-{i}", "ثار البركان من جديد", Title: "البركان يثور"));
            }

            articles.Add(new NewsArticle("typo", "وقع الزلزل مساء أمس"));
            TestIndex.CreateGeneration(_root.Path, articles);
            Searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan));
        }

        public NewsSearcher Searcher { get; }

        public void Dispose()
        {
            Searcher.Dispose();
            _root.Dispose();
        }
    }
}
