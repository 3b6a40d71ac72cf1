using Lucene.Net.Search;
using Search.Core.Schema;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

/// <summary>#6: a word in at least half of the articles, beside a less common one, is scored on the stemmed body alone.</summary>
public sealed class CommonWordQueryTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public CommonWordQueryTests()
    {
        // على (which the chain keeps: it folds to the name علي) in 6 of 8 articles, in titles too; مصر in 2, سوريا in 3.
        TestIndex.CreateGeneration(_root.Path,
        [
            Article("1", "على المصرف", "اجتماع على المصرف في مصر"),
            Article("2", "على الطريق", "حادث على الطريق في سوريا"),
            Article("3", "خبر", "القصف على سوريا"),
            Article("4", "خبر", "وفد على متن الطائرة"),
            Article("5", "خبر", "الاتفاق على السعر"),
            Article("6", "خبر", "الحصول على سوريا والمنحة"),
            Article("7", "خبر", "انتخابات في مصر"),
            Article("8", "خبر", "طقس معتدل"),
        ]);
    }

    public void Dispose() => _root.Dispose();

    private static NewsArticle Article(string id, string title, string body) => new(id, body, Title: title, Category: "اختبار");

    private string Rewritten(string text)
    {
        using var searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan));
        using var lease = searcher.Acquire();
        return lease.Searcher.Rewrite(searcher.Parser.Parse(text).Query).ToString();
    }

    [Fact]
    public void ACommonWordBesideARareOneIsScoredOnTheBodyAlone()
    {
        var query = Rewritten("على مصر");

        Assert.DoesNotContain("title:علي", query, StringComparison.Ordinal);
        Assert.DoesNotContain("body.exact:علي", query, StringComparison.Ordinal);
        Assert.Contains("body:علي", query, StringComparison.Ordinal);
        Assert.Contains("title:مصر", query, StringComparison.Ordinal); // the rare word keeps every field
    }

    [Theory]
    [InlineData("على")] // alone: it is all the reader typed
    [InlineData("مصر سوريا")] // neither is common
    public void OtherwiseEveryFieldScores(string text)
    {
        var query = Rewritten(text);

        Assert.Contains("title:", query, StringComparison.Ordinal);
        Assert.Contains("body.exact:", query, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMatchesStayTheSameAndEveryArticleWithTheRareWordStillRanks()
    {
        using var searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan));

        var page = searcher.Search(new SearchRequest("على مصر"));

        // Any article with either word matches, as before: 6 with على, plus 7 with مصر only.
        Assert.Equal(7, page.Total);
        Assert.Equal(["1", "7"], page.Hits.Take(2).Select(hit => hit.Id).Order());
    }

    [Fact]
    public void HighlightingAndTheQueryTextAreThoseOfTheParsedQuery()
    {
        using var searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan));
        var parsed = searcher.Parser.Parse("على مصر");

        Assert.Contains("title:علي", parsed.Query.ToString(), StringComparison.Ordinal);
        Assert.Contains("علي", parsed.HighlightTerms);
        var hit = searcher.Search(new SearchRequest("على مصر")).Hits.First(h => h.Id == "1");
        Assert.Contains("<mark>على</mark>", hit.Snippet, StringComparison.Ordinal);
    }
}
