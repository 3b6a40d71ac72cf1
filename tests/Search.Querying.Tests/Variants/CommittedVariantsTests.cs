using Search.Querying.Tests.Support;
using Search.Querying.Variants;

namespace Search.Querying.Tests.Variants;

/// <summary>The reviewed groups shipped in index-data/variants.txt (#18).</summary>
public sealed class CommittedVariantsTests
{
    private static readonly string Path = System.IO.Path.Combine(TestIndex.RepositoryRoot(), "index-data", "variants.txt");

    // Words that differ in meaning, from the issue, and other pairs of one skeleton built the same way.
    public static TheoryData<string, string> DifferentWords => new()
    {
        { "ماكرون", "ماكين" },
        { "كيم", "كم" },
        { "العالم", "الإعلام" },
        { "مايكل", "ميشيل" },
        { "الأمن", "اليمن" },
        { "موقع", "مواقع" },
        { "يساهم", "يسهم" },
        { "كابول", "كابل" },
        { "ماسك", "موسك" },
    };

    [Fact]
    public void ParsesWithoutABadLine()
    {
        var (groups, errors) = VariantsFile.Read(Path);

        Assert.Empty(errors);
        Assert.True(groups.Count > 100);
    }

    [Theory]
    [MemberData(nameof(DifferentWords))]
    public void MergesNoWordsThatDifferInMeaning(string first, string second)
    {
        var variants = NameVariants.Load(Path);

        Assert.DoesNotContain(second, variants.Expand(first).Select(s => VariantsFile.Key(s)));
        Assert.DoesNotContain(first, variants.Expand(second).Select(s => VariantsFile.Key(s)));
    }

    [Fact]
    public void MergesNoPairTheSharedSetsSayAreTwoWords()
    {
        var sets = System.IO.Path.Combine(TestIndex.RepositoryRoot(), "..", "shared", "searchbox");
        if (!Directory.Exists(sets))
        {
            Assert.Skip("../shared/searchbox not found beside the repository; CI has it.");
        }

        var variants = NameVariants.Load(Path);
        var pairs = Directory.EnumerateFiles(sets, "name-variants*.tsv")
            .SelectMany(file => File.ReadLines(file).Skip(1))
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length >= 3 && columns[2].Trim() == "no")
            .ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.DoesNotContain(VariantsFile.Key(p[1]), variants.Expand(p[0]).Select(s => VariantsFile.Key(s))));
    }
}
