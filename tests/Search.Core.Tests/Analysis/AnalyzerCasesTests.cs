using Lucene.Net.Analysis;
using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary>
/// Runs the golden table <c>TestData/analysis/cases.tsv</c> through the real analyzer. Analysts extend the table
/// without writing C#; each row shows as its own test named after its line, field, input and reason.
/// </summary>
public sealed class AnalyzerCasesTests
{
    private const string Header = "field\tinput\texpected\treason";

    private static readonly Analyzer Analyzer = NewsAnalyzerFactory.Create();

    public static IEnumerable<TheoryDataRow<string, string, string>> Cases() =>
        ReadCases().Select(c => new TheoryDataRow<string, string, string>(c.Field, c.Input, c.Expected)
        {
            TestDisplayName = $"cases.tsv:{c.Line} {c.Field} «{c.Input}» → «{c.Expected}» ({c.Reason})",
        });

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnalyzesAsTheTableSays(string field, string input, string expected)
    {
        var expectedTerms = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var terms = TokenInspector.Analyze(Analyzer, field, input).Select(t => t.Term);

        Assert.Equal(expectedTerms, terms);
    }

    [Fact]
    public void TableHoldsAtLeastSixtyCasesWithAReasonEach()
    {
        var cases = ReadCases();

        Assert.True(cases.Count >= 60, $"only {cases.Count} cases");
        Assert.All(cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason), $"line {c.Line} has no reason"));
    }

    [Fact]
    public void TableCoversEveryAnalyzedFieldAndAKeywordField()
    {
        var fields = ReadCases().Select(c => c.Field).ToHashSet();

        Assert.Superset(new HashSet<string> { "title", "title.exact", "body", "body.exact", "category" }, fields);
    }

    private static List<AnalyzerCase> ReadCases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "analysis", "cases.tsv");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"{path}:1: expected the header '{Header.Replace("\t", "<TAB>")}'");
        }

        var cases = new List<AnalyzerCase>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 4)
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected 4 tab-separated columns, found {columns.Length}");
            }

            cases.Add(new AnalyzerCase(i + 1, columns[0], columns[1], columns[2], columns[3]));
        }

        return cases;
    }

    private sealed record AnalyzerCase(int Line, string Field, string Input, string Expected, string Reason);
}
