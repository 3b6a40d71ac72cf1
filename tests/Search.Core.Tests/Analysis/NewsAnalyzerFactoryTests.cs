using Lucene.Net.Analysis.Ar;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Core.Tests.Analysis;

public sealed class NewsAnalyzerFactoryTests
{
    [Theory]
    [InlineData("إلى")] // stock spelling, hamza below + alef maksura
    [InlineData("الى")] // typed without hamza
    [InlineData("إلـى")] // tatweel inside
    [InlineData("إِلَى")] // vowelled
    [InlineData("حتى")] // stock spelling, alef maksura
    [InlineData("حتي")] // yeh for alef maksura
    public void RemovesStopWordsWhateverTheirSpelling(string word)
    {
        using var analyzer = NewsAnalyzerFactory.Create();

        var tokens = TokenInspector.Analyze(analyzer, NewsFields.Body, word);

        Assert.Empty(tokens);
    }

    [Fact]
    public void StopListIsTheStockListNormalized()
    {
        ISet<string> stopWords = NewsAnalyzerFactory.StopWords;

        Assert.Contains("الي", stopWords); // إلى: hamza -> alef, alef maksura -> yeh
        Assert.Contains("حتي", stopWords); // حتى: alef maksura -> yeh
        Assert.DoesNotContain("علي", stopWords); // على folds onto the name علي: kept so the name stays searchable
        Assert.DoesNotContain("إلى", stopWords); // nothing with hamza survives
        Assert.DoesNotContain("على", stopWords); // nothing with alef maksura survives
    }

    [Fact]
    public void StockChainKeepsStopWordsItsListDoesNotSpell()
    {
        // The stock chain removes stop words before normalizing, so only the list's own spellings go. Both lists hold
        // الى and ان; the difference is in ى written as ي, tatweel and harakat.
        using var stock = new ArabicAnalyzer(IndexVersion.Lucene);
        using var ours = NewsAnalyzerFactory.Create();
        const string text = "الى ان علي حتي لدي إلـى عَلَى";

        var stockTerms = TokenInspector.Analyze(stock, NewsFields.Body, text).Select(t => t.Term);
        var ourTerms = TokenInspector.Analyze(ours, NewsFields.Body, text);

        Assert.Equal(["عل", "حت", "لد", "ال", "عل"], stockTerms);
        Assert.Equal(["علي", "علي"], ourTerms.Select(t => t.Term)); // only علي/على, kept on purpose (a name); three letters stay whole
    }

    [Theory]
    [InlineData("علي")] // the name
    [InlineData("على")] // the preposition, which people also type as علي
    public void KeepsTheNameAliSearchable(string word)
    {
        using var analyzer = NewsAnalyzerFactory.Create();

        var tokens = TokenInspector.Analyze(analyzer, NewsFields.BodyExact, word);

        Assert.Equal("علي", Assert.Single(tokens).Term);
    }

    [Fact]
    public void KeepsThePositionGapOfARemovedStopWord()
    {
        using var analyzer = NewsAnalyzerFactory.Create();
        const string text = "ذهب الطالب الى المدرسة";

        var tokens = TokenInspector.Analyze(analyzer, NewsFields.Body, text);

        Assert.Equal(
            [
                new AnalyzedToken("ذهب", 0, 0, 3),
                new AnalyzedToken("طالب", 1, 4, 10),
                new AnalyzedToken("مدرس", 3, 15, 22), // الى removed at position 2
            ],
            tokens);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("body.exact")]
    public void OffsetsPointIntoTheOriginalTextAroundTatweel(string field)
    {
        using var analyzer = NewsAnalyzerFactory.Create();
        const string text = "نشرة الأخـــبار، اليوم"; // tatweel (3 × U+0640) inside the second word

        var tokens = TokenInspector.Analyze(analyzer, field, text);

        Assert.Equal(["نشرة", "الأخـــبار", "اليوم"], tokens.Select(t => text[t.StartOffset..t.EndOffset]));
        Assert.Equal([0, 1, 2], tokens.Select(t => t.Position));
    }

    [Fact]
    public void OffsetsOfATokenAfterARemovedTatweelStopWordPointIntoTheOriginalText()
    {
        using var analyzer = NewsAnalyzerFactory.Create();
        const string text = "رحب بـ\"الخطوة التاريخية\""; // بـ is a token; normalized to ب, a stop word

        var tokens = TokenInspector.Analyze(analyzer, NewsFields.Body, text);

        Assert.Equal(["رحب", "خطو", "تاريخ"], tokens.Select(t => t.Term));
        Assert.Equal([0, 2, 3], tokens.Select(t => t.Position));
        Assert.Equal(["رحب", "الخطوة", "التاريخية"], tokens.Select(t => text[t.StartOffset..t.EndOffset]));
    }

    [Fact]
    public void ExactAndStemmedFieldsAgreeOnPositionsAndOffsets()
    {
        using var analyzer = NewsAnalyzerFactory.Create();
        const string text = "أعلنت الوزارة إلى المواطنين عن مُبادرةٍ جديدة ٢٠٢٥";

        var stemmed = TokenInspector.Analyze(analyzer, NewsFields.Body, text);
        var exact = TokenInspector.Analyze(analyzer, NewsFields.BodyExact, text);

        Assert.Equal(
            stemmed.Select(t => (t.Position, t.StartOffset, t.EndOffset)),
            exact.Select(t => (t.Position, t.StartOffset, t.EndOffset)));
    }

    [Fact]
    public void KeywordFieldsKeepTheWholeValueUntouched()
    {
        using var analyzer = NewsAnalyzerFactory.Create();

        var tokens = TokenInspector.Analyze(analyzer, NewsFields.Category, "أخبار محلية");

        Assert.Equal([new AnalyzedToken("أخبار محلية", 0, 0, 11)], tokens);
    }

    [Theory]
    [InlineData("الأخـــبار", "الاخبار")] // hamza above -> alef, tatweel removed
    [InlineData("مَدْرَسَةٌ", "مدرسه")] // harakat removed, teh marbuta -> heh
    [InlineData("مستشفى", "مستشفي")] // alef maksura -> yeh
    [InlineData("FIFA", "fifa")] // Latin lower-cased
    [InlineData("٢٠١٩", "2019")] // Arabic-Indic digits
    [InlineData("۲۰۱۹", "2019")] // Persian digits
    [InlineData("والكتاب", "والكتاب")] // no stemming: prefixes stay
    public void NormalizeWordAppliesTheCharacterStepsOnly(string word, string expected)
    {
        var normalized = NewsAnalyzerFactory.NormalizeWord(word);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("آمال")]
    [InlineData("إسلامية")]
    [InlineData("كِتَابًا")]
    [InlineData("iPhone١٥")]
    [InlineData("المـــكتبة")]
    public void NormalizeWordMatchesTheExactFieldOnOneWord(string word)
    {
        using var analyzer = NewsAnalyzerFactory.Create();

        var exact = TokenInspector.Analyze(analyzer, NewsFields.BodyExact, word);

        Assert.Equal(NewsAnalyzerFactory.NormalizeWord(word), Assert.Single(exact).Term);
    }

    [Fact]
    public void NeverEmitsAnEmptyTerm()
    {
        using var analyzer = NewsAnalyzerFactory.Create();

        var tokens = TokenInspector.Analyze(analyzer, NewsFields.Body, "كلمة ـــ كلمة");

        Assert.DoesNotContain(tokens, t => t.Term.Length == 0);
    }
}
