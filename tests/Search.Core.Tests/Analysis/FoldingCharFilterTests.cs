using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary><see cref="FoldingMap"/>'s char filter must be Lucene's MappingCharFilter over the same rules: the same text out, the same corrected offsets.</summary>
public sealed class FoldingCharFilterTests
{
    private static readonly FoldingMap News = ArabicFolding.For(AnalysisProfile.News);
    private static readonly NormalizeCharMap LuceneNews = News.ToNormalizeCharMap();

    [Fact]
    public void FoldsAsMappingCharFilterDoesOnTheFixturesAndTheSampleCorpus()
    {
        var texts = FixtureTexts().ToList();
        Assert.True(texts.Count > 100);
        foreach (var text in texts)
        {
            AssertSameAsLucene(News, LuceneNews, text);
        }
    }

    [Fact]
    public void FoldsAsMappingCharFilterDoesOnRandomTextDenseInRules()
    {
        // Every character that starts or ends a rule, with neighbours that do not, in random runs: overlapping pairs
        // (اًا, ًاً), expansions next to removals, rules at both ends of the text.
        var alphabet = News.Rules.SelectMany(rule => rule.From).Distinct().Where((_, i) => i % 7 == 0)
            .Concat("\u0627\u064B\u0670\u0671\u0624\u0626\u06CC\u06A9_ﻻﷺﷲ")
            .Concat("بتثجح abc 12")
            .Distinct()
            .ToArray();
        var random = new Random(6);
        for (var n = 0; n < 5_000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            AssertSameAsLucene(News, LuceneNews, text);
        }
    }

    [Fact]
    public void FoldsAsMappingCharFilterDoesOnTheSharedCorpus()
    {
        var corpus = Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "news-full.jsonl.gz");
        Assert.SkipUnless(File.Exists(corpus), "../shared/corpus is not beside the checkout.");
        using var file = File.OpenRead(corpus);
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress), Encoding.UTF8);
        var checkedTexts = 0;
        for (var line = reader.ReadLine(); line is not null && checkedTexts < 4_000; line = reader.ReadLine())
        {
            foreach (var text in TextsOf(line))
            {
                AssertSameAsLucene(News, LuceneNews, text);
                checkedTexts++;
            }
        }

        Assert.True(checkedTexts >= 4_000);
    }

    [Fact]
    public void ExpandsAndRemovesWithTheOffsetsOfTheSource()
    {
        // ﷲ (one character) is four (الله); اً goes. Offsets of the folded text point into the source text.
        var map = new FoldingMap([("ﷲ", "الله"), ("اً", string.Empty), ("_", " ")]);
        using var filter = (CharFilter)map.Filter(new StringReader("بﷲ عاماً x_y"));

        var folded = ReadAll(filter, chunk: 3, out _);

        Assert.Equal("بالله عام x y", folded);
        Assert.Equal(1, filter.CorrectOffset(1)); // ا of الله: where ﷲ starts
        Assert.Equal(2, filter.CorrectOffset(5)); // the space after الله: after ﷲ
        Assert.Equal(8, filter.CorrectOffset(9)); // the space after عام: after اً
    }

    [Fact]
    public void RefusesRulesItCannotApply()
    {
        Assert.Throws<ArgumentException>(() => new FoldingMap([("abc", "x")]));
        Assert.Throws<ArgumentException>(() => new FoldingMap([("a", "x"), ("a", "y")]));
    }

    [Fact]
    public void FoldsStringsAsTheFilterFoldsText()
    {
        foreach (var text in FixtureTexts().Take(200))
        {
            using var filter = (CharFilter)News.Filter(new StringReader(text));
            Assert.Equal(ReadAll(filter, chunk: 4096, out _), News.Fold(text));
        }
    }

    private static void AssertSameAsLucene(FoldingMap map, NormalizeCharMap lucene, string text)
    {
        using var ours = (CharFilter)map.Filter(new StringReader(text));
        using var theirs = new MappingCharFilter(lucene, new StringReader(text));
        var oursText = ReadAll(ours, chunk: 7, out var oursEnd);
        var theirsText = ReadAll(theirs, chunk: 7, out var theirsEnd);

        Assert.Equal(theirsText, oursText);
        Assert.Equal(theirsEnd, oursEnd);
        for (var offset = 0; offset <= oursText.Length; offset++)
        {
            if (theirs.CorrectOffset(offset) != ours.CorrectOffset(offset))
            {
                Assert.Fail($"Offset {offset} of the folded text: Lucene {theirs.CorrectOffset(offset)}, ours {ours.CorrectOffset(offset)}, in \"{text}\".");
            }
        }
    }

    private static string ReadAll(TextReader reader, int chunk, out int last)
    {
        var builder = new StringBuilder();
        var buffer = new char[chunk + 2];
        while ((last = reader.Read(buffer, 1, chunk)) > 0)
        {
            builder.Append(buffer, 1, last);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> FixtureTexts()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TestData");
        foreach (var file in new[] { "querying/tiny.jsonl", "searchbox/searchbox.jsonl" })
        {
            foreach (var text in File.ReadLines(Path.Combine(data, file)).SelectMany(TextsOf))
            {
                yield return text;
            }
        }

        foreach (var text in File.ReadLines(Path.Combine(RepositoryRoot(), "index-data", "sample", "articles.jsonl")).SelectMany(TextsOf))
        {
            yield return text;
        }

        foreach (var line in File.ReadLines(Path.Combine(data, "analysis", "cases.tsv")).Skip(1))
        {
            if (line.Split('\t') is { Length: 4 } columns && !line.StartsWith('#'))
            {
                yield return columns[1];
            }
        }
    }

    private static IEnumerable<string> TextsOf(string jsonLine)
    {
        using var json = JsonDocument.Parse(jsonLine);
        var texts = new List<string>();
        foreach (var name in new[] { "title", "body" })
        {
            if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                texts.Add(value.GetString()!);
            }
        }

        return texts;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Search.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Search.sln not found above the test binaries.");
    }
}
