using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Querying.Tests.Support;

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

    [Fact]
    public void CorrectsToTheNearestMostFrequentSpellingHoweverManyFartherOnesSortBeforeIt()
    {
        using var temp = new TempDirectory();
        using var reader = DirectoryReader.Open(FSDirectory.Open(TestIndex.CreateGeneration(temp.Path, SpellingIndex())));

        // الصني (absent) is one edit from البني (1 article) and from الصين (30); 276 words two edits away sort before
        // الصين, more than the candidates one walk keeps. The nearest and most frequent wins all the same.
        Assert.Equal("الصين", SpellingCorrector.Correction(reader, "الصني"));

        // Nothing one edit away: two edits (a transposition and a deletion).
        Assert.Equal("الصين", SpellingCorrector.Correction(reader, "الصنيا"));

        // A word in enough articles is not a typo.
        Assert.Null(SpellingCorrector.Correction(reader, "الصين"));
    }

    [Fact]
    public void OffersNoDidYouMeanForARareInflectionOfACommonStem()
    {
        using var temp = new TempDirectory();
        using var reader = DirectoryReader.Open(FSDirectory.Open(TestIndex.CreateGeneration(temp.Path, InflectionIndex())));
        var corrector = new SpellingCorrector(NewsAnalyzerFactory.Create(), new NewsQueryParser());

        // فقتلها ("so he killed her") is in one article and two edits from فتحها ("opened it"), in twelve: a correction
        // by its spelling alone. But its stem is in six articles, which the stemmed search matches: no typo.
        Assert.Equal("فتحها", SpellingCorrector.Correction(reader, "فقتلها"));
        Assert.Null(corrector.DidYouMean(reader, "فقتلها", _ => null));

        // A typo whose stem is as rare as its spelling is still corrected.
        Assert.Equal("فتحها", corrector.DidYouMean(reader, "فتجها", _ => null));
    }

    private static IEnumerable<NewsArticle> InflectionIndex()
    {
        for (var i = 0; i < 12; i++)
        {
            yield return new NewsArticle($"open-{i}", $"الشركة فتحها المدير في اليوم رقم {i}");
        }

        for (var i = 0; i < 5; i++)
        {
            yield return new NewsArticle($"kill-{i}", $"قتل رجل في الحادث رقم {i}");
        }

        yield return new NewsArticle("kill-her", "وجدها اللص فقتلها");
    }

    // 30 articles about الصين, one with البني, and 276 rare words ال + two letters before ص + ي, each two edits from الصني.
    private static IEnumerable<NewsArticle> SpellingIndex()
    {
        const string first = "بتثجحخدذرزسش";
        const string second = "بتثجحخدذرزسشصضطظعغفقكلم";
        var rare = (from a in first from b in second select "ال" + a + b + "ي").ToList();
        Assert.True(rare.Count > SpellingCorrector.MaxCandidates);
        for (var i = 0; i < 30; i++)
        {
            yield return new NewsArticle($"china-{i}", $"الصين تعلن خطة جديدة رقم {i}");
        }

        yield return new NewsArticle("brown", "اللون البني");
        for (var i = 0; i < rare.Count; i += 24)
        {
            yield return new NewsArticle($"rare-{i}", string.Join(' ', rare.Skip(i).Take(24)));
        }
    }
}
