using System.IO.Compression;
using System.Text;
using Search.Indexing.Corpus;

namespace Search.Indexing.Tests.Corpus;

public sealed class JsonlCorpusReaderTests
{
    [Fact]
    public void ReadsEveryFieldOfGoodRecords()
    {
        var path = Fixtures.Path("tiny.jsonl");

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.All(items, item => Assert.IsType<CorpusRecord>(item));
        Assert.Equal([1, 2, 3, 4], items.Select(item => item.Line));
        var first = ((CorpusRecord)items[0]).Article;
        Assert.Equal("tiny-1", first.Id);
        Assert.Equal("الحكومة تعلن موازنة عام ٢٠٢٤", first.Title);
        Assert.Equal("أعلنت الحكومة اليوم موازنة العام الجديد.\nوتضمنت زيادة في الإنفاق على التعليم.", first.Body);
        Assert.Equal("economy", first.Category);
        Assert.Equal("sample-news", first.Source);
        Assert.Equal("https://example.com/tiny-1", first.Url);
        Assert.Equal("2024-01-15", first.Date);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero), first.PublishedAt);
        var third = ((CorpusRecord)items[2]).Article;
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 7, 0, 0, TimeSpan.Zero), third.PublishedAt);
        var bare = ((CorpusRecord)items[3]).Article;
        Assert.Null(bare.Title);
        Assert.Null(bare.Category);
        Assert.Null(bare.PublishedAt);
    }

    [Fact]
    public void ReportsEachBadLineAndKeepsTheGoodOnesAround()
    {
        var path = Fixtures.Path("bad-lines.jsonl");

        var items = new JsonlCorpusReader(path).Read().ToList();

        // Line 14 is blank: skipped without a word.
        Assert.Equal(
        [
            $"{path}:2: invalid JSON: unexpected end of line",
            $"{path}:3: expected a JSON object, found an array",
            $"{path}:4: expected a JSON object, found a string",
            $"{path}:5: missing \"id\"",
            $"{path}:6: empty \"id\"",
            $"{path}:7: \"id\" must be a string",
            $"{path}:8: missing \"body\"",
            $"{path}:9: empty \"body\"",
            $"{path}:10: \"body\" must be a string",
            $"{path}:11: \"title\" must be a string",
            $"{path}:12: invalid \"date\": \"31/12/2018\"",
            $"{path}:13: invalid JSON at byte 36",
        ], items.OfType<CorpusLineError>().Select(error => error.ToString()));
        var records = items.OfType<CorpusRecord>().ToList();
        Assert.Equal(["good-1", "good-2"], records.Select(record => record.Article.Id));
        Assert.Equal([1, 15], records.Select(record => record.Line));
        Assert.Null(records[1].Article.Category);
    }

    [Fact]
    public void ToleratesBomOnFirstLineAndCrlfLineEnds()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("bom-crlf.jsonl",
            "\uFEFF{\"id\": \"crlf-1\", \"body\": \"after a BOM\"}\r\n\r\n{\"id\": \"crlf-2\", \"body\": \"CRLF ended\"}\r\n");

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.Equal(["crlf-1", "crlf-2"], items.Cast<CorpusRecord>().Select(record => record.Article.Id));
        Assert.Equal([1, 3], items.Select(item => item.Line));
        Assert.Equal("CRLF ended", ((CorpusRecord)items[1]).Article.Body);
    }

    [Fact]
    public void ReportsInvalidUtf8OnItsLineOnly()
    {
        using var temp = new TempDirectory();
        // 0xC3 opens a two-byte sequence; 0x28 '(' cannot continue it.
        var bytes = Concat(
            "{\"id\": \"a\", \"body\": \"ok\"}\n"u8.ToArray(),
            "{\"id\": \"b\", \"body\": \"bad "u8.ToArray(),
            [0xC3, 0x28],
            " byte\"}\n{\"id\": \"c\", \"body\": \"ok\"}\n"u8.ToArray());
        var path = temp.Write("invalid-utf8.jsonl", bytes);

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.Equal(
            ["a", $"{path}:2: invalid UTF-8", "c"],
            items.Select(item => item is CorpusRecord record ? record.Article.Id : item.ToString()));
    }

    [Fact]
    public void RejectsBodyOverTheLimit()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("long.jsonl", "{\"id\": \"long\", \"body\": \"" + new string('ب', 11) + "\"}\n{\"id\": \"short\", \"body\": \"ب\"}\n");

        var items = new JsonlCorpusReader(path, maxBodyChars: 10).Read().ToList();

        Assert.Equal($"{path}:1: body is 11 characters; the limit is 10", items[0].ToString());
        Assert.Equal("short", Assert.IsType<CorpusRecord>(items[1]).Article.Id);
    }

    [Fact]
    public void RejectsLineOverTheLineLimitWithoutLosingTheNext()
    {
        using var temp = new TempDirectory();
        var huge = "{\"id\": \"huge\", \"body\": \"" + new string('x', JsonlCorpusReader.MaxLineBytes) + "\"}\n";
        var path = temp.Write("huge.jsonl", huge + "{\"id\": \"after\", \"body\": \"ok\"}\n" + huge);

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.Equal(
            [$"{path}:1: line is longer than 4 MiB", "after", $"{path}:3: line is longer than 4 MiB"],
            items.Select(item => item is CorpusRecord record ? record.Article.Id : item.ToString()));
    }

    [Fact]
    public void ReadsGzipAndReportsBytesOfTheCompressedFile()
    {
        var path = Fixtures.Path("good.jsonl.gz");
        var reader = new JsonlCorpusReader(path);

        var items = reader.Read().ToList();

        Assert.Equal(["gz-1", "gz-2", "gz-3"], items.Cast<CorpusRecord>().Select(record => record.Article.Id));
        Assert.Equal(new FileInfo(path).Length, reader.BytesRead);
    }

    [Fact]
    public void DetectsGzipByMagicBytesWhateverTheExtension()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("compressed-but-named.jsonl", File.ReadAllBytes(Fixtures.Path("good.jsonl.gz")));

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.Equal(3, items.OfType<CorpusRecord>().Count());
    }

    [Fact]
    public void ReportsTruncatedGzipAtTheLineReachedAndKeepsEveryRecordBefore()
    {
        using var temp = new TempDirectory();
        var lines = Enumerable.Range(1, 2000).Select(i => $"{{\"id\": \"doc-{i}\", \"body\": \"نص رقم {i} {Guid.NewGuid()}\"}}\n");
        var whole = Gzip(Encoding.UTF8.GetBytes(string.Concat(lines)));
        var path = temp.Write("truncated.jsonl.gz", whole[..(whole.Length / 2)]);

        var items = new JsonlCorpusReader(path).Read().ToList();

        var error = Assert.IsType<CorpusLineError>(items[^1]);
        var records = items.OfType<CorpusRecord>().ToList();
        Assert.Equal($"{path}:{records.Count + 1}: truncated or corrupt gzip stream", error.ToString());
        Assert.InRange(records.Count, 500, 1999);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => $"doc-{i}"), records.Select(record => record.Article.Id));
    }

    [Fact]
    public void ReportsGzipTooShortToHoldAnything()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("stub.jsonl.gz", [0x1f, 0x8b, 0x08, 0x00]);

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.Equal([$"{path}:1: truncated or corrupt gzip stream"], items.Select(item => item.ToString()));
    }

    [Fact]
    public void ReportsMissingFileAsWholeFileError()
    {
        using var temp = new TempDirectory();
        var path = temp.File("absent.jsonl");

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.Equal([$"{path}: no such file or directory"], items.Select(item => item.ToString()));
    }

    [Fact]
    public void ReportsEmptyFileOnce()
    {
        using var temp = new TempDirectory();
        var empty = temp.Write("empty.jsonl", "");
        var blank = temp.Write("blank.jsonl", "\n  \n\n");

        var items = new JsonlCorpusReader(empty).Read().Concat(new JsonlCorpusReader(blank).Read()).ToList();

        Assert.Equal(
            [$"{empty}:1: empty file", $"{blank}:1: no records (blank lines only)"],
            items.Select(item => item.ToString()));
    }

    [Fact]
    public void ReportsBinaryFileOnceAtTheFirstNul()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("binary.jsonl", [0x7b, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0a, 0x00, 0x01, 0x0a]);

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.Equal(2, items.Count);
        Assert.StartsWith($"{path}:1: ", items[0].ToString(), StringComparison.Ordinal); // "{" is not a JSON object
        Assert.Equal($"{path}:2: binary file (NUL byte)", items[1].ToString());
    }

    [Fact]
    public void ANulInALineAfterGoodRecordsSpoilsOnlyThatLine()
    {
        using var temp = new TempDirectory();
        var good = "{\"id\":\"a\",\"body\":\"نص\"}\n"u8.ToArray();
        var path = temp.Write("nul.jsonl", Concat(good, "{\"id\":\"b\",\"body\":\"x\0y\"}\n"u8.ToArray(), "{\"id\":\"c\",\"body\":\"نص\"}\n"u8.ToArray()));

        var items = new JsonlCorpusReader(path).Read().ToList();

        Assert.Equal(["a", "c"], items.OfType<CorpusRecord>().Select(record => record.Article.Id));
        Assert.Equal(2, Assert.Single(items.OfType<CorpusLineError>()).Line);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(part => part)];

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
