using Search.Querying.Tests.Support;

namespace Search.Querying.Tests;

public sealed class SuggestionTests(SearchBoxIndexFixture index) : IClassFixture<SearchBoxIndexFixture>
{
    private readonly NewsSearcher _searcher = index.Searcher;

    private List<Suggestion> Suggest(string text, int size = 8) => _searcher.Suggest(text, size).Suggestions.ToList();

    [Theory]
    [InlineData("الإسلا")] // as written
    [InlineData("الاسلا")] // alef with hamza below typed as bare alef
    [InlineData("اسلا")] // without the article
    [InlineData("إسلا")] // hamza below and no article
    [InlineData("الإسْلا")] // with a sukun
    public void CompletesPartialWordWhateverTheHamzaArticleOrDiacritics(string typed)
    {
        var suggestions = Suggest(typed);

        var first = suggestions[0];
        Assert.Equal(new Suggestion("الإسلام", SuggestionKind.Word), first);
        Assert.Contains(suggestions, s => s is { Text: "الإسلامية", Kind: SuggestionKind.Word });
    }

    [Fact]
    public void ShowsTheMostFrequentRealSpellingNotTheNormalizedTerm()
    {
        // "الفنون الاسلامية" once without hamza, "الإسلامية" three times with it: the reader sees the usual spelling.
        var suggestions = Suggest("الاسلامي");

        Assert.Contains(suggestions, s => s.Text == "الإسلامية");
        Assert.DoesNotContain(suggestions, s => s.Text == "الاسلامية");
    }

    [Fact]
    public void RanksWordsByDocumentFrequency()
    {
        // الحكومة is in nine articles, الحركات in one.
        var words = Suggest("الح").Where(s => s.Kind == SuggestionKind.Word).Select(s => s.Text).ToList();

        Assert.Equal("الحكومة", words[0]);
        Assert.True(words.IndexOf("الحكومة") < words.IndexOf("الحركات"));
    }

    [Theory]
    [InlineData("كأس الع")]
    [InlineData("كاس الع")] // hamza on alef typed as bare alef
    [InlineData("كأس ")] // a complete word: what follows it in headlines
    public void CompletesHeadlinePhrases(string typed)
    {
        var suggestions = Suggest(typed);

        Assert.Equal(new Suggestion("كأس العالم", SuggestionKind.Phrase), suggestions[0]);
    }

    [Fact]
    public void OffersHeadlinesNewestFirstWithTheirIds()
    {
        var titles = Suggest("كأس العالم").Where(s => s.Kind == SuggestionKind.Title).ToList();

        Assert.Equal(new Suggestion("كأس العالم تنطلق في موسكو", SuggestionKind.Title, "s02"), titles[0]);
        Assert.Equal(["s02", "s01", "s03"], titles.Select(t => t.Id));
    }

    [Fact]
    public void KeepsEarlierWordsAsTypedWhenCompletingTheLastOne()
    {
        var suggestions = Suggest("مؤتمر الحدا");

        Assert.Contains(new Suggestion("مؤتمر الحداثة", SuggestionKind.Word), suggestions);
    }

    [Fact]
    public void RespectsSizeAndNeverRepeatsAText()
    {
        var suggestions = Suggest("ا", 5);

        Assert.Equal(5, suggestions.Count);
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Text).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("؟!")]
    [InlineData("ذذذذ")]
    public void ReturnsNothingForBlankPunctuationOrUnknownText(string typed)
    {
        Assert.Empty(Suggest(typed));
    }

    [Fact]
    public void EchoesTheQuery()
    {
        Assert.Equal("اسلا", _searcher.Suggest("اسلا").Query);
    }

    [Fact]
    public void RejectsSizeOverLimit()
    {
        Assert.Throws<ArgumentException>(() => _searcher.Suggest("ا", SearchLimits.MaxSuggestions + 1));
    }
}
