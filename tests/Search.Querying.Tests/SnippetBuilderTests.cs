using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying.Tests;

public sealed class SnippetBuilderTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = NewsAnalyzerFactory.Create();

    private static string Build(string text, params string[] terms) =>
        SnippetBuilder.Build(Analyzer, NewsFields.Body, text, terms.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void CutsWindowAroundMatchAtWordBoundaries()
    {
        var filler = string.Join(' ', Enumerable.Repeat("كلمة", 80));
        var text = $"{filler} وصل المعلمون إلى المدرسة صباحا {filler}";

        var snippet = Build(text, "معلم");

        TestContext.Current.SendDiagnosticMessage(snippet);
        Assert.StartsWith("… كلمة", snippet, StringComparison.Ordinal);
        Assert.EndsWith("كلمة …", snippet, StringComparison.Ordinal);
        Assert.Contains("وصل <mark>المعلمون</mark> إلى", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Length, 160, SnippetBuilder.MaxLength + 40);
        Assert.DoesNotContain("كلم ", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefersWindowWithMostDistinctMatchedWords()
    {
        var filler = string.Join(' ', Enumerable.Repeat("كلمة", 60));
        var text = $"النفط {filler} أسعار النفط في الخليج {filler}";

        var snippet = Build(text, "نفط", "اسعار", "خليج");

        Assert.Contains("<mark>أسعار</mark> <mark>النفط</mark> في <mark>الخليج</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void FallsBackToStartOfBodyWithoutMatches()
    {
        var text = string.Join(' ', Enumerable.Repeat("خبر", 100));

        var snippet = Build(text);

        Assert.StartsWith("خبر خبر", snippet, StringComparison.Ordinal);
        Assert.EndsWith("خبر …", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= SnippetBuilder.MaxLength + 2);
    }

    [Fact]
    public void EscapesHtmlAndFlattensNewlines()
    {
        var snippet = Build("سطر <b>\"أول\"</b> & 'ثان'\nالنفط", "نفط");

        Assert.Equal("سطر &lt;b&gt;&quot;أول&quot;&lt;/b&gt; &amp; &#39;ثان&#39; <mark>النفط</mark>", snippet);
    }
}
