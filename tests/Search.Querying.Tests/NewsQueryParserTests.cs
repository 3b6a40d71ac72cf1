namespace Search.Querying.Tests;

public sealed class NewsQueryParserTests
{
    // The construction of #2 pinned field by field: strict phrases, no lead fields, no coordination or proximity, the
    // matched-word bonus. The shipped default (#3) differs only in its weights and these switches, which
    // RankingParserTests covers; keeping this shape here keeps every syntax case readable.
    private static readonly RankingWeights Structural = RankingWeights.Default with
    {
        Syntax = RankingWeights.FullSyntax,
        Lead = 0,
        LeadExact = 0,
        BodyRoot = 0,
        Coord = 0,
        ProximityBoost = 0,
        PhraseBoost = 0,
        MatchedWordBonus = 1000,
    };

    private readonly NewsQueryParser _parser = new(Structural);

    // The per-word disjunction over the four text fields with the default weights.
    private static string Word(string stem, string exact) =>
        $"(title:{stem}^2.0 | title.exact:{exact}^2.5 | body:{stem} | body.exact:{exact}^1.3)~0.1";

    // #17: a phrase is searched in the fields that keep positions, the stemmed title and body.
    private static string Phrase(string stems) =>
        $"(title:\"{stems}\"^2.0 | body:\"{stems}\")~0.1";

    private static string Bonus(string group) => $"ConstantScore({group})^1000.0";

    [Fact]
    public void SearchesOneWordStemmedAndExactInTitleAndBody()
    {
        var parsed = _parser.Parse("المعلمين");

        // Definite article and plural suffix stripped in the stemmed fields, kept in the exact ones.
        Assert.Equal(ParsedQueryKind.Terms, parsed.Kind);
        Assert.Equal(Word("معلم", "المعلمين"), parsed.Query.ToString());
        Assert.Equal(["معلم"], parsed.HighlightTerms);
    }

    [Fact]
    public void AddsMatchedWordBonusPerWordWhenSeveralWords()
    {
        var parsed = _parser.Parse("أسعار النفط");

        // Hamza on alef folded (أسعار -> اسعار); one scored clause and one constant bonus clause per word.
        var prices = Word("اسعار", "اسعار");
        var oil = Word("نفط", "النفط");
        Assert.Equal($"{prices} {Bonus(prices)} {oil} {Bonus(oil)}", parsed.Query.ToString());
    }

    [Fact]
    public void SearchesQuotedTextAsPhrase()
    {
        var parsed = _parser.Parse("\"كأس العالم\"");

        Assert.Equal(Phrase("كاس عالم"), parsed.Query.ToString());
        Assert.Equal(new HashSet<string> { "كاس", "عالم" }, parsed.HighlightTerms);
    }

    [Fact]
    public void KeepsPositionGapOfStopWordInsidePhrase()
    {
        var parsed = _parser.Parse("\"الوزراء إلى القاهرة\"");

        // إلى is a stop word: removed, but its position stays a gap ("?").
        Assert.Equal(Phrase("وزراء ? قاهر"), parsed.Query.ToString());
    }

    [Fact]
    public void ExcludesWordWithMinusInStemmedFields()
    {
        var parsed = _parser.Parse("النفط -الخليج");

        Assert.Equal($"{Word("نفط", "النفط")} -title:خليج -body:خليج", parsed.Query.ToString());
        Assert.Equal(["نفط"], parsed.HighlightTerms);
    }

    [Fact]
    public void ExcludesPhraseWithMinus()
    {
        var parsed = _parser.Parse("النفط -\"أسواق الخليج\"");

        Assert.Equal($"{Word("نفط", "النفط")} -title:\"اسواق خليج\" -body:\"اسواق خليج\"", parsed.Query.ToString());
    }

    [Fact]
    public void GroupsWordsJoinedByOrIntoOneMatchedWord()
    {
        var parsed = _parser.Parse("النفط OR الذهب أسعار");

        var either = $"{Word("نفط", "النفط")} {Word("ذهب", "الذهب")}";
        var prices = Word("اسعار", "اسعار");
        Assert.Equal($"({either}) {Bonus(either)} {prices} {Bonus(prices)}", parsed.Query.ToString());
    }

    [Theory]
    [InlineData("OR النفط")]
    [InlineData("النفط OR")]
    [InlineData("النفط OR OR")]
    public void IgnoresDanglingOr(string text)
    {
        var parsed = _parser.Parse(text);

        Assert.Equal(Word("نفط", "النفط"), parsed.Query.ToString());
    }

    [Fact]
    public void ReadsUnbalancedQuoteAsPhraseToTheEnd()
    {
        var parsed = _parser.Parse("\"كأس العالم");

        Assert.Equal(Phrase("كاس عالم"), parsed.Query.ToString());
    }

    [Fact]
    public void ReadsTypographicQuotesAsPhrase()
    {
        var parsed = _parser.Parse("«كأس العالم»");

        Assert.Equal(Phrase("كاس عالم"), parsed.Query.ToString());
    }

    [Fact]
    public void SearchesLuceneSyntaxCharactersAsPlainWords()
    {
        var parsed = _parser.Parse("title:x * ~ ^2 (a)");

        // No field syntax, wildcard, fuzzy or boost: the tokenizer keeps title:x as one word and drops the operators.
        var field = Word("title:x", "title:x");
        var two = Word("2", "2");
        var a = Word("a", "a");
        Assert.Equal($"{field} {Bonus(field)} {two} {Bonus(two)} {a} {Bonus(a)}", parsed.Query.ToString());
    }

    [Fact]
    public void SearchesSplitWordAsPhrase()
    {
        var parsed = _parser.Parse("covid-19");

        Assert.Equal(Phrase("covid 19"), parsed.Query.ToString());
    }

    [Theory]
    [InlineData("في من إلى")]
    [InlineData("، . !")]
    [InlineData("OR")]
    [InlineData("-")]
    [InlineData("\"\"")]
    public void MatchesNothingWhenTextAnalyzesToNothing(string text)
    {
        var parsed = _parser.Parse(text);

        Assert.Equal(ParsedQueryKind.Nothing, parsed.Kind);
        Assert.Equal(string.Empty, parsed.Query.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void MatchesAllWhenTextIsBlank(string? text)
    {
        var parsed = _parser.Parse(text);

        Assert.Equal(ParsedQueryKind.All, parsed.Kind);
        Assert.Equal("*:*", parsed.Query.ToString());
    }

    [Fact]
    public void MatchesAllButExcludedWhenOnlyExclusions()
    {
        var parsed = _parser.Parse("-النفط");

        Assert.Equal(ParsedQueryKind.All, parsed.Kind);
        Assert.Equal("+*:* -title:نفط -body:نفط", parsed.Query.ToString());
    }

    [Fact]
    public void DropsRepeatedWord()
    {
        var parsed = _parser.Parse("النفط النفط");

        Assert.Equal(Word("نفط", "النفط"), parsed.Query.ToString());
    }

    [Fact]
    public void RejectsQueryLongerThanLimit()
    {
        var text = new string('ب', SearchLimits.MaxQueryLength + 1);

        var error = Assert.Throws<QuerySyntaxException>(() => _parser.Parse(text));

        Assert.Equal(SearchLimits.MaxQueryLength, error.Position);
    }

    [Fact]
    public void RejectsTooManyWordsWithPositionOfFirstOneOver()
    {
        var words = Enumerable.Range(0, SearchLimits.MaxQueryElements + 1).Select(i => $"w{i}").ToList();
        var text = string.Join(' ', words);

        var error = Assert.Throws<QuerySyntaxException>(() => _parser.Parse(text));

        Assert.Equal(text.IndexOf($"w{SearchLimits.MaxQueryElements}", StringComparison.Ordinal), error.Position);
    }

    [Fact]
    public void NeverThrowsOnThousandQuotes()
    {
        var parsed = _parser.Parse(new string('"', SearchLimits.MaxQueryLength));

        Assert.Equal(ParsedQueryKind.Nothing, parsed.Kind);
    }
}
