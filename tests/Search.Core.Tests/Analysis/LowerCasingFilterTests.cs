using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Core.Tests.Analysis;

public sealed class LowerCasingFilterTests
{
    [Fact]
    public void MapsEveryCharacterOfItsFastRangesAsLuceneDoes()
    {
        var characters = Enumerable.Range(0, 0x80)
            .Concat(Enumerable.Range(0x0600, 0x100))
            .Concat(Enumerable.Range(0x0750, 0x30))
            .Concat(Enumerable.Range(0xFB50, 0xFE00 - 0xFB50))
            .Concat(Enumerable.Range(0xFE70, 0xFEFF - 0xFE70))
            .Select(code => (char)code)
            .Where(c => !char.IsSurrogate(c));

        Assert.All(characters, c =>
        {
            var text = new string(c, 1);
            Assert.Equal(Lucene(text), Ours(text));
        });
    }

    [Theory]
    [InlineData("FIFA")] // ASCII upper case -> lower case
    [InlineData("الFIFA2025")] // Arabic and Latin in one token
    [InlineData("ÀÉÎ")] // Latin-1 letters: Lucene's own mapping
    [InlineData("ΣΟΦΙΑ")] // Greek capital sigma, no final-sigma rule either way
    [InlineData("İSTANBUL")] // Turkish dotted capital I under the invariant culture
    [InlineData("ABCÄ")] // ASCII first, then a letter that needs the fallback
    [InlineData("\U00010400X")] // Deseret capital (a surrogate pair) before an ASCII letter
    [InlineData("قطرDOHA")] // Arabic then Latin
    public void MatchesLuceneOnAnyText(string text)
    {
        var ours = Ours(text);

        Assert.Equal(Lucene(text), ours);
    }

    [Fact]
    public void LeavesArabicAlone()
    {
        var ours = Ours("الأخبار");

        Assert.Equal("الأخبار", ours);
    }

    private static string Ours(string text) => Run(reader => new LowerCasingFilter(new KeywordTokenizer(reader)), text);

    private static string Lucene(string text) =>
        Run(reader => new LowerCaseFilter(IndexVersion.Lucene, new KeywordTokenizer(reader)), text);

    private static string Run(Func<TextReader, TokenStream> chain, string text)
    {
        using var stream = chain(new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        var result = term.ToString();
        stream.End();
        return result;
    }
}
