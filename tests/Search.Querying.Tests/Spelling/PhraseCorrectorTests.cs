using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Schema;
using Search.Querying.Spelling;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests.Spelling;

/// <summary>The noisy-channel corrector on the language model of a small index built for it.</summary>
public sealed class PhraseCorrectorTests : IClassFixture<PhraseCorrectorTests.Model>
{
    private readonly LanguageModel _model;
    private readonly PhraseCorrector _corrector = new(SpellingAnalysis.Words);

    public PhraseCorrectorTests(Model model)
    {
        _model = model.Language;
    }

    private string? Correct(string text, Func<string, IEnumerable<string>>? far = null) =>
        _corrector.Correct(text, _model, _ => null, far)?.Text;

    [Fact]
    public void CorrectsARealWordWhenANeighbourIsFarLikelierInContext()
    {
        // العلم is a word of its own (رفع العلم), but after كأس it is العالم with a dropped alef.
        Assert.Equal("كاس العالم", Correct("كاس العلم"));
        Assert.Equal("كأس العالم 2018", Correct("كأس العلم 2018"));
    }

    [Fact]
    public void LeavesARealWordAloneOutOfContextAndInItsOwn()
    {
        Assert.Null(Correct("العلم"));
        Assert.Null(Correct("رفع العلم"));
        Assert.Null(Correct("كأس العالم"));
    }

    [Fact]
    public void CorrectsARareWordWithAFarMoreFrequentNeighbourEvenAlone()
    {
        // السعدية is in one article, السعودية in fifteen headlines.
        Assert.Equal("السعوديه", Correct("السعدية"));
    }

    [Fact]
    public void PrefersTheMoreFrequentOfTwoWordsOneSlipAway()
    {
        // ماكرن: ماكرون with a dropped و (six headlines), ماكين with ر for ي (two, and a less likely slip).
        Assert.Equal("ماكرون", Correct("ماكرن"));

        // كرم: كريم (six headlines) and كرام (one) are both a letter left out: frequency decides.
        Assert.Equal("كريم", Correct("كرم"));
    }

    [Fact]
    public void NeverCorrectsExclusionsOrAcrossOr()
    {
        Assert.Null(Correct("كاس -العلم"));
        Assert.Null(Correct("كاس OR العلم"));
    }

    [Fact]
    public void CorrectsAShortStopWordInContextButNeverATwoLetterWordAlone()
    {
        // لى: على with a dropped ع, a stop word of two letters; after يوافق the pair decides.
        Assert.Equal("يوافق على", _corrector.Correct("يوافق لى", _model, word => word == "علي" ? "على" : null)?.Text);
        Assert.Null(Correct("لى"));
        Assert.Null(Correct("يوافق على"));
    }

    [Fact]
    public void AsksForWordsTwoSlipsAwayOnlyForAnUnknownWordWithNoneOneSlipAway()
    {
        var asked = new List<string>();
        IEnumerable<string> Far(string word)
        {
            asked.Add(word);
            return [];
        }

        Correct("ززززز", Far);
        Correct("ماكرن", Far);
        Correct("العلم", Far);

        Assert.Equal(["ززززز"], asked);
    }

    [Fact]
    public void ShowsTheCorrectedWordInItsDisplaySpellingAndSaysWhatChanged()
    {
        var correction = _corrector.Correct("كاس العلم", _model, word => word == "العالم" ? "العالَم" : null);

        Assert.NotNull(correction);
        Assert.Equal("كاس العالَم", correction.Text);
        var word = Assert.Single(correction.Words);
        Assert.Equal(("العلم", "العالم", SlipKind.Dropped), (word.Typed, word.Corrected, word.Slip));
        Assert.True(correction.Confidence > PhraseCorrector.Confidence);
    }

    /// <summary>A language model of headlines about the World Cup, Saudi Arabia, Macron and McCain, and a body filler.</summary>
    public sealed class Model : IDisposable
    {
        private readonly TempDirectory _root = new();

        public Model()
        {
            var articles = new List<NewsArticle>();
            void Add(string title, string body = "خبر عادي") => articles.Add(new NewsArticle($"a{articles.Count}", body, Title: title));
            for (var i = 0; i < 12; i++)
            {
                Add("كأس العالم تنطلق", "تنطلق بطولة كأس العالم");
            }

            for (var i = 0; i < 15; i++)
            {
                Add("السعودية تعلن خطة");
            }

            for (var i = 0; i < 6; i++)
            {
                Add("ماكرون يزور برلين");
                Add("كريم يفوز بالجائزة");
            }

            for (var i = 0; i < 6; i++)
            {
                Add("البرلمان يوافق على الخطة");
            }

            Add("ماكين في واشنطن");
            Add("ماكين يغادر");
            Add("كرام الناس");
            for (var i = 0; i < 3; i++)
            {
                Add("حفل", "رفع العلم في الساحة");
            }

            Add("قرية", "زار الوفد منطقة السعدية الصغيرة");
            for (var i = 0; i < 40; i++)
            {
                Add("أخبار المدينة", string.Join(' ', Enumerable.Repeat("تحدث الناس في المدينة عن الطقس والأسعار والعمل", 6)));
            }

            var generation = TestIndex.CreateGeneration(_root.Path, articles);
            using var reader = DirectoryReader.Open(FSDirectory.Open(generation));
            Language = LanguageModelBuilder.Build(reader, SpellingAnalysis.Words);
        }

        internal LanguageModel Language { get; }

        public void Dispose() => _root.Dispose();
    }
}
