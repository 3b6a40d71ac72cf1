using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying.Tests;

public sealed class SnippetBuilderTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = NewsAnalyzerFactory.Create();

    // Terms as the query would carry them: stemmed ones for the body, normalized (exact) ones for body.exact.
    private static string Build(string text, string[] stemmed, params string[] exact) =>
        SnippetBuilder.Build(Analyzer, text,
        [
            (NewsFields.Body, stemmed.ToHashSet(StringComparer.Ordinal)),
            (NewsFields.BodyExact, exact.ToHashSet(StringComparer.Ordinal)),
        ]);

    private static string Filler(int words) => string.Join(' ', Enumerable.Repeat("كلمة", words));

    // The text of a snippet without our markup, to compare with the source.
    private static string Plain(string snippet) => snippet.Replace("<mark>", "").Replace("</mark>", "");

    [Fact]
    public void CutsWindowAroundMatchAtWordBoundaries()
    {
        var text = $"{Filler(80)} وصل المعلمون إلى المدرسة صباحا {Filler(80)}";

        var snippet = Build(text, ["معلم"]);

        Assert.StartsWith("… كلمة", snippet, StringComparison.Ordinal);
        Assert.EndsWith("كلمة …", snippet, StringComparison.Ordinal);
        Assert.Contains("وصل <mark>المعلمون</mark> إلى", snippet, StringComparison.Ordinal);
        var fragment = Plain(snippet)[2..^2];
        Assert.InRange(fragment.Length, SnippetBuilder.MinFragment, SnippetBuilder.MaxFragment);
        Assert.All(fragment.Split(' '), word => Assert.Contains(word, new[] { "كلمة", "وصل", "المعلمون", "إلى", "المدرسة", "صباحا" }));
    }

    [Fact]
    public void PrefersWindowWithMostDistinctMatchedWords()
    {
        var text = $"النفط {Filler(60)} أسعار النفط في الخليج {Filler(60)}";

        var snippet = Build(text, ["نفط", "اسعار", "خليج"]);

        Assert.Contains("<mark>أسعار</mark> <mark>النفط</mark> في <mark>الخليج</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void AddsSecondFragmentForWordsTheFirstLacks()
    {
        var text = $"{Filler(50)} ارتفعت أسعار النفط اليوم {Filler(80)} وقال وزير الطاقة إن الإنتاج مستقر {Filler(50)}";

        var snippet = Build(text, ["نفط", "طاق"]);

        var fragments = snippet.Split(" … ");
        Assert.Equal(2, fragments.Length);
        Assert.Contains("<mark>النفط</mark>", fragments[0], StringComparison.Ordinal);
        Assert.Contains("<mark>الطاقة</mark>", fragments[1], StringComparison.Ordinal);
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void MarksNormalizedMatchesOfTheExactField()
    {
        // Exact term الاسلام (hamza folded) marks the text's الإسلام; the stemmed set is empty.
        var snippet = Build("تاريخ الإسلام في الأندلس", [], "الاسلام");

        Assert.Equal("تاريخ <mark>الإسلام</mark> في الأندلس", snippet);
    }

    [Fact]
    public void MarksEachWordOnceWhenBothFieldsMatchIt()
    {
        var snippet = Build("تاريخ الإسلام", ["اسلام"], "الاسلام");

        Assert.Equal("تاريخ <mark>الإسلام</mark>", snippet);
    }

    [Fact]
    public void KeepsRightToLeftTextWithLatinAndDigitsAsWritten()
    {
        var text = "أعلنت شركة Apple عن هاتف iPhone 15 بسعر 999 دولارا (نحو ٣٧٥٠ ريالا) في 2023.";

        var snippet = Build(text, [], "iphone", "2023");

        Assert.Equal("أعلنت شركة Apple عن هاتف <mark>iPhone</mark> 15 بسعر 999 دولارا (نحو ٣٧٥٠ ريالا) في <mark>2023</mark>.", snippet);
        Assert.DoesNotContain(snippet, c => c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));
    }

    [Fact]
    public void NeverCutsInsideAWordWhateverTheScript()
    {
        var words = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? "Reuters" : i % 3 == 1 ? "المفاوضات" : "٢٠١٨").ToList();
        words[120] = "الانتخابات";
        var text = string.Join(' ', words);

        var snippet = Build(text, ["انتخاب"]);

        var pieces = Plain(snippet).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "…");
        Assert.All(pieces, piece => Assert.Contains(piece, words));
    }

    [Fact]
    public void FallsBackToStartOfBodyWithoutMatches()
    {
        var text = string.Join(' ', Enumerable.Repeat("خبر", 100));

        var snippet = Build(text, []);

        Assert.StartsWith("خبر خبر", snippet, StringComparison.Ordinal);
        Assert.EndsWith("خبر …", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= SnippetBuilder.MaxFragment + 2);
    }

    [Fact]
    public void EscapesHtmlAndFlattensNewlines()
    {
        var snippet = Build("سطر <b>\"أول\"</b> & 'ثان'\nالنفط", ["نفط"]);

        Assert.Equal("سطر &lt;b&gt;&quot;أول&quot;&lt;/b&gt; &amp; &#39;ثان&#39; <mark>النفط</mark>", snippet);
    }

    [Fact]
    public void HighlightsAWholeTitle()
    {
        var title = SnippetBuilder.HighlightAll(Analyzer, "أسعار النفط ترتفع", [(NewsFields.Title, new HashSet<string> { "نفط" })]);

        Assert.Equal("أسعار <mark>النفط</mark> ترتفع", title);
    }
}
