using Search.Api.Observability;
using Search.Querying;

namespace Search.Api.Tests.Observability;

/// <summary>#22: the slow-query log's command line runs the same search again from a POSIX shell.</summary>
public sealed class ReplayCommandTests
{
    [Fact]
    public void APlainSearchNeedsOnlyTheTextAndThePage()
    {
        Assert.Equal("news-search search 'النفط' --page 2 --size 10", ReplayCommand.For(new SearchRequest("النفط", Page: 2)));
    }

    [Fact]
    public void QuotesInTheTextSurviveTheShell()
    {
        Assert.Equal("news-search search '\"سعر\" it'\\''s' --page 1 --size 10", ReplayCommand.For(new SearchRequest("\"سعر\" it's")));
    }

    [Fact]
    public void EveryFilterIsRepeatedAndDatesAreInstantsInUtc()
    {
        var request = new SearchRequest("", 1, 20, ["رياضة"], ["a", "b"],
            new DateTimeOffset(2024, 1, 1, 3, 0, 0, TimeSpan.FromHours(3)), new DateTimeOffset(2024, 1, 31, 23, 59, 59, 999, TimeSpan.Zero), SearchSort.Date)
        {
            Months = ["2024-01"],
            RecencyHalfLifeDays = 7.5,
        };

        Assert.Equal(
            "news-search search '' --page 1 --size 20 --category 'رياضة' --source 'a' --source 'b' --month '2024-01' "
            + "--from 2024-01-01T00:00:00Z --to 2024-01-31T23:59:59.999Z --sort date --recency 7.5",
            ReplayCommand.For(request));
    }
}
