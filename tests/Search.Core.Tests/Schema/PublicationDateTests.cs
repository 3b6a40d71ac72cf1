using Search.Core.Schema;

namespace Search.Core.Tests.Schema;

public sealed class PublicationDateTests
{
    [Fact]
    public void ReadsADateWithoutTimeAsMidnightUtc()
    {
        var parsed = PublicationDate.TryParse("2025-05-03", out var value);

        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(2025, 5, 3, 0, 0, 0, TimeSpan.Zero), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Fact]
    public void ReadsAUtcTimestamp()
    {
        var parsed = PublicationDate.TryParse("2025-02-11T09:15:00Z", out var value);

        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(2025, 2, 11, 9, 15, 0, TimeSpan.Zero), value);
    }

    [Fact]
    public void ReadsAnOffsetAndKeepsTheInstant()
    {
        var parsed = PublicationDate.TryParse("2018-02-28T17:23:19+04:00", out var value);

        Assert.True(parsed);
        Assert.Equal(TimeSpan.FromHours(4), value.Offset);
        Assert.Equal(new DateTime(2018, 2, 28, 13, 23, 19, DateTimeKind.Utc), value.UtcDateTime);
        Assert.Equal(1519824199000, value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void ReadsATimeWithoutZoneAsUtc()
    {
        var parsed = PublicationDate.TryParse("2018-02-26T02:20:10", out var value);

        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(2018, 2, 26, 2, 20, 10, TimeSpan.Zero), value);
    }

    [Fact]
    public void IgnoresSurroundingWhitespace()
    {
        var parsed = PublicationDate.TryParse("  2025-05-03\n", out var value);

        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(2025, 5, 3, 0, 0, 0, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-45")]
    [InlineData("12/03/2025")]
    [InlineData("03 May 2025")]
    [InlineData("2025-05-03T25:00:00Z")]
    [InlineData("٢٠٢٥-٠٥-٠٣")] // Arabic-Indic digits: not ISO 8601
    public void RejectsGarbage(string text)
    {
        var parsed = PublicationDate.TryParse(text, out _);

        Assert.False(parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectsEmptyInput(string? text)
    {
        var parsed = PublicationDate.TryParse(text, out var value);

        Assert.False(parsed);
        Assert.Equal(default, value);
    }
}
