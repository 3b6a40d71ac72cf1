namespace Search.Querying.Tests;

public sealed class SpellingCorrectorTests
{
    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(12, 2)]
    public void GivesTypoBudgetByWordLength(int length, int edits)
    {
        Assert.Equal(edits, SpellingCorrector.TypoEdits(length));
    }

    [Theory]
    [InlineData("الحكومة", "الحكومت", 1)] // substitution
    [InlineData("الحكومة", "الحكمة", 1)] // deletion
    [InlineData("مفاوضات", "مفاوضتا", 1)] // adjacent transposition counts as one
    [InlineData("القاهرة", "القهارة", 1)]
    [InlineData("برلمان", "بلرمام", 2)]
    public void CountsEditsLikeTheFuzzyAutomaton(string a, string b, int distance)
    {
        Assert.Equal(distance, SpellingCorrector.Distance(a, b));
    }
}
