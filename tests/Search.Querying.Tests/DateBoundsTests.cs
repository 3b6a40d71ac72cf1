namespace Search.Querying.Tests;

public sealed class DateBoundsTests
{
    [Fact]
    public void ADateOnlyUpperBoundKeepsTheWholeDay()
    {
        var parsed = DateBounds.TryParseTo("2024-03-12", out var to);

        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 23, 59, 59, 999, TimeSpan.Zero), to);
    }

    [Fact]
    public void TheLastDayOfTheCalendarIsAnOpenUpperBound()
    {
        // Found by the hostile-input test: stepping past 9999-12-31 overflowed into a 500.
        var parsed = DateBounds.TryParseTo("9999-12-31", out var to);

        Assert.True(parsed);
        Assert.Equal(DateTimeOffset.MaxValue, to);
    }

    [Fact]
    public void AnUpperBoundWithATimeIsTakenAsGiven()
    {
        var parsed = DateBounds.TryParseTo("2024-03-12T10:00:00+03:00", out var to);

        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 7, 0, 0, TimeSpan.Zero), to.ToUniversalTime());
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void LowerBoundsAtTheEdgesOfTheCalendarParse(string text)
    {
        Assert.True(DateBounds.TryParseFrom(text, out _));
    }
}
