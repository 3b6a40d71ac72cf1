using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Querying.Tests.Support;
using Search.Querying.Variants;

namespace Search.Querying.Tests.Variants;

public sealed class NameVariantsTests
{
    private static readonly NameVariants Trump = NameVariants.Of([new VariantGroup(["ترامب", "ترمب"], 1), new VariantGroup(["بوتين", "بوتن"], 2)]);

    [Fact]
    public void ExpandsAWordToTheOtherSpellingsOfItsGroup()
    {
        Assert.Equal(["ترامب"], Trump.Expand("ترمب"));
        Assert.Equal(["ترمب"], Trump.Expand("ترامب"));
        Assert.Equal(["ترمب"], Trump.Expand("ترامب،")); // punctuation around it
        Assert.Empty(Trump.Expand("ماكرون"));
        Assert.Empty(NameVariants.None.Expand("ترمب"));
    }

    [Fact]
    public void ExpandsAWordBehindAProcliticWithIt()
    {
        Assert.Equal(["وترامب"], Trump.Expand("وترمب"));
        Assert.Equal(["ولبوتن"], Trump.Expand("ولبوتين"));
    }

    [Theory]
    [InlineData(NewsFields.TitleExact)]
    [InlineData(NewsFields.Body)]
    public void StacksTheOtherSpellingsAtTheWordsPosition(string field)
    {
        var analyzer = NewsAnalyzerFactory.Create();

        var tokens = Trump.Analyze(analyzer, field, "ترمب");

        var plain = TokenInspector.Analyze(analyzer, field, "ترمب");
        var other = TokenInspector.Analyze(analyzer, field, "ترامب");
        Assert.Equal([.. plain.Select(t => t.Term), .. other.Select(t => t.Term)], tokens.Select(t => t.Term));
        Assert.All(tokens, t => Assert.Equal(plain[0].Position, t.Position));
    }

    [Fact]
    public void LeavesTextOfSeveralWordsAsAnalyzed()
    {
        var analyzer = NewsAnalyzerFactory.Create();

        Assert.Equal(
            TokenInspector.Analyze(analyzer, NewsFields.Body, "دونالد ترمب"),
            Trump.Analyze(analyzer, NewsFields.Body, "دونالد ترمب"));
    }

    [Fact]
    public void MakesTheParserSearchEverySpellingAsAlternativesOfOneWord()
    {
        var plain = new NewsQueryParser().Parse("ترمب").Query.ToString();
        var widened = new NewsQueryParser(variants: Trump).Parse("ترمب").Query.ToString();

        Assert.DoesNotContain("ترامب", plain, StringComparison.Ordinal);
        Assert.Contains("title.exact:ترمب | title.exact:ترامب", widened, StringComparison.Ordinal);
        Assert.Contains("body.exact:ترمب | body.exact:ترامب", widened, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysWhichWordsOfAQueryAreWidened()
    {
        var uses = Trump.InUse("لقاء ترمب و\"الرئيس بوتين\" -ماكرون");

        Assert.Equal([("ترمب", "ترامب"), ("بوتين", "بوتن")], uses.Select(u => (u.Word, string.Join(' ', u.Spellings))));
    }

    [Fact]
    public void ReadsTheFileAgainWhenItChanges()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "variants.txt");
        var variants = NameVariants.Load(path);
        Assert.Empty(variants.Expand("ترمب"));
        Assert.False(variants.Refresh());

        File.WriteAllLines(path, ["ترامب ترمب", "مفرد"]);
        Assert.True(variants.Refresh());

        Assert.Equal(["ترامب"], variants.Expand("ترمب"));
        Assert.Equal($"{path}:2: a group needs at least two spellings", Assert.Single(variants.Errors).ToString());
        Assert.Equal(1, variants.Version);
        Assert.False(variants.Refresh());

        File.Delete(path);
        Assert.True(variants.Refresh());
        Assert.Empty(variants.Expand("ترمب"));
    }
}
