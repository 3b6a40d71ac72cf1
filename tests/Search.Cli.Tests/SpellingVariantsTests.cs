using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Search.Core.Storage;
using Search.Indexing;
using Search.Indexing.Corpus;
using Search.Querying;

namespace Search.Cli.Tests;

/// <summary>
/// Integration over a real index on disk: the shared ANT sample (../shared/corpus beside the repository), indexed once;
/// a title typed the way readers type it must still find its article first.
/// </summary>
public sealed class SpellingVariantsTests : IClassFixture<SpellingVariantsTests.SharedSampleIndex>
{
    private const int TitlesChecked = 60;

    private readonly SharedSampleIndex _index;

    public SpellingVariantsTests(SharedSampleIndex index)
    {
        _index = index;
    }

    public static TheoryData<string> Variants => new()
    {
        "as written",
        "no hamza",
        "heh for teh marbuta",
        "diacritics",
        "arabic-indic digits",
        "all at once",
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void TitleTypedInAVariantFindsItsArticleFirst(string variant)
    {
        if (_index.Searcher is null)
        {
            Assert.Skip("../shared/corpus/news-sample.jsonl.gz not found beside the repository; CI has it.");
        }

        var misses = new List<string>();
        foreach (var (id, title) in _index.Titles)
        {
            var query = Spell(title, variant);
            var page = _index.Searcher.Search(new SearchRequest(query, Size: 1));

            // The corpus files a few stories twice under two ids with one title: either copy is the right answer.
            var top = page.Hits.FirstOrDefault();
            if (top is null || (top.Id != id && top.Title != title))
            {
                misses.Add($"{id}: «{query}» -> {top?.Id ?? "nothing"}");
            }
        }

        Assert.True(misses.Count == 0, $"{misses.Count} of {_index.Titles.Count} titles missed:\n{string.Join('\n', misses)}");
    }

    [Fact]
    public void VariantsReallyDifferFromTheTitles()
    {
        if (_index.Searcher is null)
        {
            Assert.Skip("../shared/corpus/news-sample.jsonl.gz not found beside the repository; CI has it.");
        }

        // Guards the test above: it must search text that differs from the stored title.
        Assert.All(_index.Titles, pair => Assert.NotEqual(pair.Title, Spell(pair.Title, "all at once")));
    }

    /// <summary>Spells <paramref name="title"/> the way a hurried reader types it (or decorates it).</summary>
    private static string Spell(string title, string variant)
    {
        return variant switch
        {
            "as written" => title,
            "no hamza" => NoHamza(title),
            "heh for teh marbuta" => title.Replace('ة', 'ه'),
            "diacritics" => WithDiacritics(title),
            "arabic-indic digits" => ArabicIndicDigits(title),
            "all at once" => ArabicIndicDigits(WithDiacritics(NoHamza(title).Replace('ة', 'ه'))),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };
    }

    // Alef with hamza above/below and alef madda typed as bare alef.
    private static string NoHamza(string text) => text.Replace('أ', 'ا').Replace('إ', 'ا').Replace('آ', 'ا');

    // A fatha after every other Arabic letter, as partial vocalization looks.
    private static string WithDiacritics(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        var letters = 0;
        foreach (var c in text)
        {
            builder.Append(c);
            if (c is >= 'ء' and <= 'ي' && letters++ % 2 == 0)
            {
                builder.Append('\u064E');
            }
        }

        return builder.ToString();
    }

    private static string ArabicIndicDigits(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '0' and <= '9')
            {
                chars[i] = (char)('\u0660' + (chars[i] - '0'));
            }
        }

        return new string(chars);
    }

    /// <summary>The shared sample indexed once for the class, and the titles to check.</summary>
    public sealed class SharedSampleIndex : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public SharedSampleIndex()
        {
            var sample = CliRunner.SharedCorpus("news-sample.jsonl.gz");
            if (sample is null)
            {
                return;
            }

            var layout = new IndexLayout(Path.Combine(_temp.Path, "index"));
            var report = new IndexingService().Index(layout, [sample], new IndexingOptions(), CancellationToken.None);
            if (report.Indexed != 2000)
            {
                throw new InvalidOperationException($"expected 2,000 articles from {sample}, indexed {report.Indexed}");
            }

            Titles = ReadTitles(sample);
            Searcher = new NewsSearcher(new NewsSearcherOptions(layout.Root, RefreshInterval: Timeout.InfiniteTimeSpan));
        }

        public NewsSearcher? Searcher { get; }

        /// <summary>Titles that a variant changes: with a hamza-seated alef, a teh marbuta or a digit; in file order.</summary>
        public IReadOnlyList<(string Id, string Title)> Titles { get; } = [];

        public void Dispose()
        {
            Searcher?.Dispose();
            _temp.Dispose();
        }

        private static List<(string Id, string Title)> ReadTitles(string path)
        {
            var titles = new List<(string, string)>();
            using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
            while (reader.ReadLine() is { } line && titles.Count < TitlesChecked)
            {
                using var record = JsonDocument.Parse(line);
                if (!record.RootElement.TryGetProperty("title", out var title)
                    || title.GetString() is not { } text
                    || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3)
                {
                    continue;
                }

                if (text.AsSpan().IndexOfAny("أإآة0123456789") >= 0)
                {
                    titles.Add((record.RootElement.GetProperty("id").GetString()!, text));
                }
            }

            return titles;
        }
    }
}
