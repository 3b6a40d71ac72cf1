namespace Search.Querying.Tests;

public sealed class SearchRequestBinderTests
{
    private static SearchRequest? Bind(out IReadOnlyDictionary<string, string[]> errors, string[]? category = null, string[]? month = null,
        string? recency = null, double? defaultHalfLife = null, string? sort = null, string? correct = null, string? collapse = null) =>
        SearchRequestBinder.TryBind("النفط", null, null, category, null, null, null, sort, out errors, month, recency, defaultHalfLife, correct, collapse);

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    public void CorrectsUnlessAskedNotTo(string? correct, bool expected)
    {
        Assert.Equal(expected, Bind(out _, correct: correct)!.Correct);
    }

    [Fact]
    public void RejectsCorrectThatIsNotABoolean()
    {
        Assert.Null(Bind(out var errors, correct: "maybe"));
        Assert.Equal(["correct must be 'true' or 'false'."], errors["correct"]);
    }

    [Fact]
    public void KeepsRepeatedFacetValuesWithoutBlanksOrDuplicates()
    {
        var request = Bind(out _, category: ["اقتصاد", " رياضة ", "", "اقتصاد"], month: ["2018-03", "2018-04"]);

        Assert.NotNull(request);
        Assert.Equal(["اقتصاد", "رياضة"], request.Categories);
        Assert.Equal(["2018-03", "2018-04"], request.Months);
    }

    [Theory]
    [InlineData("2018-3")]
    [InlineData("2018-13")]
    [InlineData("March")]
    public void RejectsMonthNotWrittenYearDashMonth(string month)
    {
        Assert.Null(Bind(out var errors, month: [month]));
        Assert.True(errors.ContainsKey("month"));
    }

    [Fact]
    public void TakesRecencyFromTheRequestOrTheConfiguredDefault()
    {
        Assert.Equal(7, Bind(out _, recency: "7")!.RecencyHalfLifeDays);
        Assert.Equal(30, Bind(out _, defaultHalfLife: 30)!.RecencyHalfLifeDays);
        Assert.Null(Bind(out _, recency: "off", defaultHalfLife: 30)!.RecencyHalfLifeDays);
        Assert.Null(Bind(out _)!.RecencyHalfLifeDays);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    [InlineData("100000")]
    public void RejectsRecencyThatIsNotAHalfLife(string recency)
    {
        Assert.Null(Bind(out var errors, recency: recency));
        Assert.True(errors.ContainsKey("recency"));
    }

    [Fact]
    public void CollapsesCopiesUnlessCollapseIsFalse()
    {
        Assert.True(Bind(out _)!.Collapse);
        Assert.True(Bind(out _, collapse: "true")!.Collapse);
        Assert.False(Bind(out _, collapse: "False")!.Collapse);
        Assert.Null(Bind(out var errors, collapse: "no"));
        Assert.Equal(["collapse must be true or false."], errors["collapse"]);
    }

    [Fact]
    public void AcceptsNewestAsDateOrder()
    {
        Assert.Equal(SearchSort.Date, Bind(out _, sort: "newest")!.Sort);
    }

    [Fact]
    public void RejectsTooManyValuesOfOneFacet()
    {
        var many = Enumerable.Range(0, SearchLimits.MaxFacetValues + 1).Select(i => "c" + i).ToArray();

        Assert.Null(Bind(out var errors, category: many));
        Assert.True(errors.ContainsKey("category"));
    }
}
