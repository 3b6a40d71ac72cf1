using Search.Querying.Variants;

namespace Search.Querying.Tests.Variants;

public sealed class VariantsFileTests
{
    private static (IReadOnlyList<VariantGroup> Groups, IReadOnlyList<VariantFileError> Errors) Parse(params string[] lines) =>
        VariantsFile.Parse("variants.txt", lines);

    [Fact]
    public void ReadsOneGroupALineWithItsNoteAndSkipsCommentsAndBlankLines()
    {
        var (groups, errors) = Parse("# names", "", "ترامب ترمب", "  بوتين   بوتن  # skeleton بتن");

        Assert.Empty(errors);
        Assert.Equal(2, groups.Count);
        Assert.Equal(["ترامب", "ترمب"], groups[0].Spellings);
        Assert.Equal(3, groups[0].Line);
        Assert.Null(groups[0].Note);
        Assert.Equal(["بوتين", "بوتن"], groups[1].Spellings);
        Assert.Equal("skeleton بتن", groups[1].Note);
    }

    [Theory]
    [InlineData("ماكرون", "a group needs at least two spellings")]
    [InlineData("كوفيد-19 كورونا", "'كوفيد-19' is not one word of letters")]
    [InlineData("لكن لاكن", "'لكن' is a stop word, never searched")]
    [InlineData("أوباما اوباما", "'أوباما اوباما' are one spelling once normalized (hamza and alef forms, ة/ه, ى/ي already match)")]
    public void ReportsABadLineWithFileAndLineAndKeepsTheGoodOnes(string bad, string message)
    {
        var (groups, errors) = Parse("ترمب ترامب", bad, "بوتين بوتن");

        Assert.Equal(["variants.txt:2: " + message], errors.Select(e => e.ToString()));
        Assert.Equal(2, groups.Count);
        Assert.Equal(3, groups[1].Line);
    }

    [Fact]
    public void RefusesASpellingAlreadyInAnEarlierGroup()
    {
        // A word belongs to one name: ترمب cannot widen to both ترامب and ترومب.
        var (groups, errors) = Parse("ترامب ترمب", "ترومب ترمب");

        Assert.Single(groups);
        Assert.Equal("variants.txt:2: 'ترمب' is already in the group of line 1", Assert.Single(errors).ToString());
    }

    [Fact]
    public void ReadsAFileFromDisk()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "searchbox", "names.variants.txt");

        var (groups, errors) = VariantsFile.Read(path);

        Assert.Empty(errors);
        Assert.Equal([["ترامب", "ترمب"], ["بوتين", "بوتن"]], groups.Select(g => g.Spellings.ToArray()));
    }
}
