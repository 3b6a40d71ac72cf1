using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Core.Tests.Analysis;

/// <summary>The shared tokenization of <see cref="SharedTextField"/> must give indexing exactly the tokens the analyzer gives, every attribute included.</summary>
public sealed class SharedTextFieldTests
{
    // The inputs of the golden table, fixture bodies and titles, and text that exercises every step of the chain.
    public static TheoryData<string> Texts()
    {
        var texts = new TheoryData<string>
        {
            string.Empty,
            "   ",
            "وَصَلَ الرئيسُ إلى القاهرةِ عام ٢٠٢٥ #كأس_العالم FIFA ﻻ ﷲ اتصالاً ًاعام مسؤول مسئول بغزة والكتاب لل في",
            "Latin UPPER ÀÉÎ words, e-mail a@b.com http://example.org 12.5 ١٢٫٥ ۲۰۱۹ ـ ً إلى على",
            new string('ب', 300) + " كلمة",
        };
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "analysis", "cases.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length == 4 && !line.StartsWith('#') && !texts.Any(row => row.Data == columns[1]))
            {
                texts.Add(columns[1]); // once each: a repeated case would be a duplicate test case
            }
        }

        foreach (var file in new[] { "querying/tiny.jsonl", "searchbox/searchbox.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", file)))
            {
                using var json = JsonDocument.Parse(line);
                foreach (var name in new[] { "title", "body" })
                {
                    if (json.RootElement.TryGetProperty(name, out var value) && value.GetString() is { } text)
                    {
                        texts.Add(text);
                    }
                }
            }
        }

        return texts;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void GivesEveryFieldTheAnalyzersTokens(string text)
    {
        using var analyzer = NewsAnalyzerFactory.Create();

        // One text through all its fields in a row, as indexing does, then the plain analyzer on each.
        var shared = NewsFields.TextFields.Select(field => Describe(new SharedTextField(field, text, Field.Store.NO).GetTokenStream(analyzer))).ToList();
        var plain = NewsFields.TextFields.Select(field => Describe(analyzer.GetTokenStream(field, text))).ToList();

        Assert.Equal(plain, shared);
    }

    [Fact]
    public void FollowsTheTextWhenItChanges()
    {
        using var analyzer = NewsAnalyzerFactory.Create();
        const string first = "أسعار النفط ترتفع";
        const string second = "بغزة الرئيس";

        var a = Describe(new SharedTextField(NewsFields.Body, first, Field.Store.NO).GetTokenStream(analyzer));
        var b = Describe(new SharedTextField(NewsFields.Body, second, Field.Store.NO).GetTokenStream(analyzer));
        var c = Describe(new SharedTextField(NewsFields.BodyExact, first, Field.Store.NO).GetTokenStream(analyzer));

        Assert.Equal(Describe(analyzer.GetTokenStream(NewsFields.Body, first)), a);
        Assert.Equal(Describe(analyzer.GetTokenStream(NewsFields.Body, second)), b);
        Assert.Equal(Describe(analyzer.GetTokenStream(NewsFields.BodyExact, first)), c);
    }

    [Fact]
    public void IsAPlainTextFieldWithAnotherAnalyzer()
    {
        using var stock = NewsAnalyzerFactory.Create(AnalysisProfile.Stock);
        const string text = "الرئيس بغزة";

        var tokens = Describe(new SharedTextField(NewsFields.Body, text, Field.Store.YES).GetTokenStream(stock));

        Assert.Equal(Describe(new TextField(NewsFields.Body, text, Field.Store.YES).GetTokenStream(stock)), tokens);
    }

    [Fact]
    public void IndexesAndStoresLikeATextField()
    {
        var field = new SharedTextField(NewsFields.Body, "نص", Field.Store.YES);

        Assert.True(field.IndexableFieldType.IsIndexed);
        Assert.True(field.IndexableFieldType.IsTokenized);
        Assert.True(field.IndexableFieldType.IsStored);
        Assert.Equal(TextField.TYPE_STORED.IndexOptions, field.IndexableFieldType.IndexOptions);
        Assert.False(new SharedTextField(NewsFields.BodyExact, "نص", Field.Store.NO).IndexableFieldType.IsStored);
    }

    // Every attribute of every token, then the state End() leaves, as one string.
    private static string Describe(TokenStream stream)
    {
        var text = new StringBuilder();
        using (stream)
        {
            stream.Reset();
            while (stream.IncrementToken())
            {
                text.AppendLine(stream.ReflectAsString(prependAttClass: true));
            }

            stream.End();
            text.Append("end ").AppendLine(stream.ReflectAsString(prependAttClass: true));
        }

        return text.ToString();
    }
}
