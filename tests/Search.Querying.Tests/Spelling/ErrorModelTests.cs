using Search.Querying.Spelling;

namespace Search.Querying.Tests.Spelling;

public sealed class ErrorModelTests
{
    // Words the model "knows" in these tests, by hash.
    private static Func<ulong, bool> Knows(params string[] words)
    {
        var hashes = words.Select(w => TermHash.Of(w)).ToHashSet();
        return hashes.Contains;
    }

    [Theory]
    [InlineData("عننوان", "عنوان", nameof(SlipKind.Doubled))] // a letter typed twice
    [InlineData("تيمز", "تايمز", nameof(SlipKind.Dropped))] // a letter left out
    [InlineData("اسابنيا", "اسبانيا", nameof(SlipKind.Swapped))] // two letters swapped
    [InlineData("لهحوم", "لهجوم", nameof(SlipKind.Neighbour))] // ح for ج, the key beside it
    [InlineData("عؤبيه", "عربيه", nameof(SlipKind.Neighbour))] // ؤ for ر: ؤ has its own key, next to ر (folded ء has not)
    [InlineData("تىيليون", "تريليون", nameof(SlipKind.Neighbour))] // ى for ر, the keys either side of لا
    [InlineData("مسوول", "مسءول", nameof(SlipKind.SoundAlike))] // the hamza seat left out: مسؤول
    [InlineData("الحكومت", "الحكومه", nameof(SlipKind.Neighbour))] // ت for ة, keys that touch
    [InlineData("تبيب", "طبيب", nameof(SlipKind.SoundAlike))] // ت for ط: one sound, keys apart
    [InlineData("الزي", "الذي", nameof(SlipKind.SoundAlike))] // ز for ذ
    public void FindsTheWordMeantWithItsSlip(string typed, string meant, string kind)
    {
        var slip = Assert.Single(ErrorModel.Slips(typed, Knows(meant)));

        Assert.Equal((meant, TermHash.Of(meant), kind), (slip.Word, slip.Hash, slip.Kind.ToString()));
    }

    [Fact]
    public void NamesAnExtraLetterByWhatIsBesideIt()
    {
        // حمتله: the ت between م and ل, none of them its neighbour key, is just extra; حملته is a swap away.
        var slips = ErrorModel.Slips("حمتله", Knows("حمله", "حملته")).ToDictionary(s => s.Word, s => s.Kind);

        Assert.Equal(SlipKind.Inserted, slips["حمله"]);
        Assert.Equal(SlipKind.Swapped, slips["حملته"]);
        Assert.Equal(SlipKind.FatFinger, ErrorModel.Slips("منتظم", Knows("منظم")).Single().Kind); // ت beside ن, its neighbour key
    }

    [Fact]
    public void RatesTheCommonSlipsAboveSoundsAboveOtherLetters()
    {
        var p = ErrorModel.Probability;

        Assert.Equal(1, p(SlipKind.None));
        Assert.Equal(p(SlipKind.Dropped), p(SlipKind.Neighbour));
        Assert.Equal(p(SlipKind.Doubled), p(SlipKind.Swapped));
        Assert.True(p(SlipKind.Swapped) > p(SlipKind.SoundAlike));
        Assert.True(p(SlipKind.SoundAlike) > p(SlipKind.FatFinger));
        Assert.True(p(SlipKind.FatFinger) > p(SlipKind.Inserted));
        Assert.True(p(SlipKind.Inserted) > p(SlipKind.Substituted));
        Assert.Equal(p(SlipKind.Substituted), p(SlipKind.TwoEdits));
    }

    [Fact]
    public void NeverOffersTheTypedWordOrAWordTheModelDoesNotKnow()
    {
        // أميركا is اميركا once normalized: not a slip of itself.
        Assert.Empty(ErrorModel.Slips("أميركا", Knows("اميركا")));
        Assert.Empty(ErrorModel.Slips("تيمز", Knows("تايمس")));
    }

    [Fact]
    public void KeepsTheLikeliestSlipOfACandidateReachedTwoWays()
    {
        // ه for ة: the same letter once normalized; typed twice it is a doubled letter, not an extra one.
        var slip = ErrorModel.Slips("كبيررة", Knows("كبيره")).Single();

        Assert.Equal(("كبيره", SlipKind.Doubled), (slip.Word, slip.Kind));
    }

    [Fact]
    public void LeavesWordsLongerThanTheLimitAlone()
    {
        var typed = new string('ب', ErrorModel.MaxLength + 1);

        Assert.Empty(ErrorModel.Slips(typed, _ => true));
    }
}
