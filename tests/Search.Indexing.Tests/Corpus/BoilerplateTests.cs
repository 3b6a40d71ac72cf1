using Search.Indexing.Corpus;

namespace Search.Indexing.Tests.Corpus;

public sealed class BoilerplateTests
{
    private const string Lead = "أعلنت الوزارة اليوم نتائج الامتحانات الوطنية.";
    private const string Second = "وبلغت نسبة النجاح ثمانين في المئة.";

    public static TheoryData<string> EveryPhrase()
    {
        var data = new TheoryData<string>();
        foreach (var phrase in Boilerplate.TailMarkers.Concat(Boilerplate.TrailingLines))
        {
            data.Add(phrase);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPhrase))]
    public void StripsEachPhraseAtTheTail(string phrase)
    {
        var paragraphs = new List<string> { Lead, Second, phrase };

        var removed = Boilerplate.StripTail(paragraphs);

        Assert.Equal(1, removed);
        Assert.Equal([Lead, Second], paragraphs);
    }

    [Theory]
    [MemberData(nameof(EveryPhrase))]
    public void KeepsEachPhraseInsideALongerSentence(string phrase)
    {
        var sentence = $"وقال المتحدث إن عبارة {phrase} وردت في البيان الرسمي للوزارة.";
        var paragraphs = new List<string> { Lead, sentence, Second };

        var removed = Boilerplate.StripTail(paragraphs);

        Assert.Equal(0, removed);
        Assert.Equal([Lead, sentence, Second], paragraphs);
    }

    [Fact]
    public void CutsEverythingFromTheFirstTailMarker()
    {
        // Related-article titles after the marker read like ordinary sentences.
        var paragraphs = new List<string>
        {
            Lead, Second, "مقالات ذات صلة", "الوزير يزور المدارس في الجنوب", "افتتاح جامعة جديدة في العاصمة",
        };

        Boilerplate.StripTail(paragraphs);

        Assert.Equal([Lead, Second], paragraphs);
    }

    [Fact]
    public void NeverTakesTheFirstParagraphForATailMarker()
    {
        var paragraphs = new List<string> { "التعليقات", Lead, Second };

        Boilerplate.StripTail(paragraphs);

        Assert.Equal(["التعليقات", Lead, Second], paragraphs);
    }

    [Theory]
    [InlineData("اترك تعليقاً", "tanween fath")]
    [InlineData("اترك تعليقـــا", "tatweel")]
    [InlineData("اترك  تعليقا :", "double space, trailing colon")]
    [InlineData("زر الذهاب الى الاعلى", "alef without hamza")]
    [InlineData("مقالاتٌ ذاتُ صلةٍ", "harakat")]
    [InlineData("RELATED ARTICLES", "Latin case")]
    [InlineData("\u200Fشارك\u200F", "right-to-left marks")]
    [InlineData("لن يتم نشر عنوان بريدك الالكتروني الحقول الالزامية مشار اليها ب", "no punctuation, no hamza, no star")]
    public void RecognizesSpellingVariants(string line, string variant)
    {
        Assert.True(Boilerplate.IsBoilerplateLine(line), variant);
    }

    [Fact]
    public void StripsShareBarScrapedAsOneLine()
    {
        var paragraphs = new List<string> { Lead, "شارك | فيسبوك | تويتر | واتساب" };

        Boilerplate.StripTail(paragraphs);

        Assert.Equal([Lead], paragraphs);
    }
}
