using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

public sealed class RootStemFilterTests
{
    [Theory]
    [InlineData("عقروها", "عقر")] // verb + object pronoun: وها stripped (the light stemmer leaves عقرو)
    [InlineData("عقروا", "عقر")] // plural verb ending وا
    [InlineData("يعلمون", "علم")] // imperfect prefix ي after the plural ending ون
    [InlineData("علمتم", "علم")] // perfect ending تم
    [InlineData("ربكم", "ربكم")] // pronoun كم would leave two letters: kept, three letters must remain
    [InlineData("الكتاب", "كتاب")] // the article as in the light stemmer; nothing more to strip
    [InlineData("قوم", "قوم")] // three letters: never shortened
    public void StripsVerbAndPronounAffixesWhileThreeLettersRemain(string word, string expected)
    {
        var stem = RootStemFilter.Stem(word);

        Assert.Equal(expected, stem);
    }

    [Fact]
    public void BringsClassicalAndModernFormsOfOneVerbTogether()
    {
        // فعقروها (Qur'an 91:14, with its proclitic ف stripped by the variant filter) and عقروا (the question's form).
        var classical = RootStemFilter.Stem("عقروها");
        var modern = RootStemFilter.Stem("عقروا");

        Assert.Equal(classical, modern);
        Assert.NotEqual(NewsStemFilter.Stem("عقروها"), NewsStemFilter.Stem("عقروا"));
    }
}
