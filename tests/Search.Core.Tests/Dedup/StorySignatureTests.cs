using System.Text.Json;
using Search.Core.Dedup;
using Search.Core.Schema;

namespace Search.Core.Tests.Dedup;

public sealed class StorySignatureTests
{
    // tests/TestData/collapsing/stories.jsonl: a1 a story; a2 the same body; a3 a new first line and a trailing list of
    // links; a4 the body respelled (alef without hamza, ه for ة, ي for ى, harakat, tatweel); a5 a dateline on top;
    // b1 another story on a neighbouring subject; c2 c1's text under a new lead of two sentences.
    private static readonly Dictionary<string, string> Bodies = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "collapsing", "stories.jsonl"))
        .Select(line => JsonDocument.Parse(line).RootElement)
        .ToDictionary(article => article.GetProperty("id").GetString()!, article => article.GetProperty("body").GetString()!);

    private static byte[] Signature(string id) => StorySignature.Compute(Bodies[id])!;

    [Fact]
    public void GivesAnExactCopyTheSameSignature()
    {
        var first = Signature("a1");

        var copy = Signature("a2");

        Assert.Equal(StorySignature.Bytes, first.Length);
        Assert.Equal(first, copy);
    }

    [Fact]
    public void GivesSpellingVariantsTheSameSignature()
    {
        var plain = Signature("a1");

        var respelled = Signature("a4");

        Assert.NotEqual(Bodies["a1"], Bodies["a4"]);
        Assert.Equal(plain, respelled);
    }

    [Theory]
    [InlineData("a3", "a new first line and a trailing list of links")]
    [InlineData("a5", "a dateline on top")]
    public void KeepsMostOfTheBodySignatureOfANearCopy(string id, string change)
    {
        var original = Signature("a1");

        var near = Signature(id);

        Assert.True(StorySignature.BodySimilarity(original, near) >= 0.6, change);
        Assert.True(StorySignature.BodySimilarity(original, near) < 1, change);
    }

    [Fact]
    public void SharesAlmostNothingWithAnotherStory()
    {
        var oil = Signature("a1");

        var gold = Signature("b1");

        Assert.True(StorySignature.BodySimilarity(oil, gold) < 0.1);
        Assert.True(StorySignature.LeadSimilarity(oil, gold) < 0.1);
    }

    [Fact]
    public void TellsANewLeadOverOldTextByItsLead()
    {
        var earlier = Signature("c1");

        var update = Signature("c2");

        Assert.True(StorySignature.BodySimilarity(earlier, update) >= 0.6);
        Assert.True(StorySignature.LeadSimilarity(earlier, update) < 0.3);
    }

    [Fact]
    public void HasNoSignatureForABodyOfStopWordsAndPunctuation()
    {
        var signature = StorySignature.Compute("في من ... إلى ، عن");

        Assert.Null(signature);
    }

    [Fact]
    public void HasNoSignatureForABodyTooShortToTellOneStoryFromAnother()
    {
        // The whole body of eleven opinion pieces in news-full: "all published articles are their writers' opinion".
        var boilerplate = StorySignature.Compute("** جميع المقالات المنشورة تمثل رأي كتابها فقط.");
        var tenWords = StorySignature.Compute("زلزال قوي يضرب جنوب البلاد ويخلف أضرارا كبيرة بالمنازل والطرقات");

        Assert.Null(boilerplate);
        Assert.NotNull(tenWords);
    }

    [Fact]
    public void IsStoredByTheMapperInDocValues()
    {
        var article = new NewsArticle("a1", Bodies["a1"], "t", null, null, null, null, null);

        var document = NewsDocumentMapper.ToDocument(article);

        var field = document.GetField(NewsFields.StorySignature);
        Assert.NotNull(field);
        Assert.Equal(Lucene.Net.Index.DocValuesType.BINARY, field.IndexableFieldType.DocValueType);
        Assert.Equal(Signature("a1"), field.GetBinaryValue().Bytes.AsSpan(field.GetBinaryValue().Offset, field.GetBinaryValue().Length).ToArray());
    }

    [Fact]
    public void GivesATooShortBodyAnEmptyValue()
    {
        var article = new NewsArticle("x", "خبر عاجل", "t", null, null, null, null, null);

        var field = NewsDocumentMapper.ToDocument(article).GetField(NewsFields.StorySignature);

        Assert.Equal(0, field.GetBinaryValue().Length);
    }
}
