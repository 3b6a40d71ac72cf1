using Search.Querying.Variants;

namespace Search.Querying.Tests.Variants;

public sealed class SkeletonTests
{
    [Theory]
    [InlineData("ترامب", "ترمب")] // a long vowel
    [InlineData("بوتين", "بوتن")]
    [InlineData("غوغل", "جوجل")] // غ and ج render one g
    [InlineData("بريكست", "بريكسيت")]
    [InlineData("تيريزا", "تريزا")]
    [InlineData("بطرسبرغ", "بتروسبرج")] // ط/ت and غ/ج
    public void GivesTranscriptionsOfOneNameOneSkeleton(string a, string b)
    {
        Assert.Equal(Skeleton.Of(a), Skeleton.Of(b));
    }

    [Theory]
    [InlineData("ماكرون", "ماكين")]
    [InlineData("مايكل", "ميشيل")]
    public void GivesDifferentNamesDifferentSkeletons(string a, string b)
    {
        Assert.NotEqual(Skeleton.Of(a), Skeleton.Of(b));
    }
}
