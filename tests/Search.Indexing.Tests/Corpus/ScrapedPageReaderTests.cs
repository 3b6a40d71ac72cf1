using Search.Indexing.Corpus;

namespace Search.Indexing.Tests.Corpus;

public sealed class ScrapedPageReaderTests
{
    [Fact]
    public void ReadsCategoryTitleAndBodyParagraphs()
    {
        var path = Fixtures.Path("pages", "plain.txt");

        var record = Assert.IsType<CorpusRecord>(Assert.Single(new ScrapedPageReader(path).Read()));

        Assert.Equal(1, record.Line);
        Assert.Equal("plain", record.Article.Id);
        Assert.Equal("اقتصاد", record.Article.Category);
        Assert.Equal("ارتفاع أسعار الذهب في الأسواق المحلية", record.Article.Title);
        Assert.Equal(
            "ارتفعت أسعار الذهب اليوم في الأسواق المحلية بنسبة ٢٪.\nوقال تجار إن الطلب زاد مع اقتراب موسم الأعراس.",
            record.Article.Body);
    }

    [Fact]
    public void StripsWordPressTail()
    {
        var path = Fixtures.Path("pages", "wordpress-tail.txt");

        var record = Assert.IsType<CorpusRecord>(Assert.Single(new ScrapedPageReader(path).Read()));

        Assert.Equal(
            "تأهل المنتخب الوطني إلى نهائي البطولة بعد فوزه بثلاثة أهداف.\nوسيلعب المباراة النهائية يوم الجمعة المقبل.",
            record.Article.Body);
    }

    [Fact]
    public void StripsShareBarAndReadAlsoLine()
    {
        var path = Fixtures.Path("pages", "share-bar.txt");

        var record = Assert.IsType<CorpusRecord>(Assert.Single(new ScrapedPageReader(path).Read()));

        Assert.Equal("افتتح مساء أمس مهرجان المسرح العربي بمشاركة عشرين فرقة.", record.Article.Body);
    }

    [Fact]
    public void KeepsParagraphsThatMerelyContainBoilerplateWords()
    {
        var path = Fixtures.Path("pages", "keeps-words.txt");

        var record = Assert.IsType<CorpusRecord>(Assert.Single(new ScrapedPageReader(path).Read()));

        Assert.Equal(3, record.Article.Body.Split('\n').Length);
        Assert.EndsWith("مقالات ذات صلة بالحدث نشرت في الصحف المحلية.", record.Article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", 1, "empty file")]
    [InlineData("whitespace.txt", 1, "no text (whitespace only)")]
    [InlineData("category-only.txt", 2, "no title after the category line")]
    [InlineData("no-body.txt", 2, "no body after the title")]
    [InlineData("only-boilerplate.txt", 2, "no body after the title (only site boilerplate)")]
    public void RejectsPageWithoutArticle(string file, int line, string reason)
    {
        var path = Fixtures.Path("bad-pages", file);

        var error = Assert.Single(new ScrapedPageReader(path).Read());

        Assert.Equal($"{path}:{line}: {reason}", error.ToString());
    }

    [Fact]
    public void RejectsBinaryFileAtTheLineOfTheFirstNul()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("binary.txt", [.. "رياضة\nعنوان\n"u8, 0x00, 0x01, 0x02]);

        var error = Assert.Single(new ScrapedPageReader(path).Read());

        Assert.Equal($"{path}:3: binary file (NUL byte)", error.ToString());
    }

    [Fact]
    public void RejectsInvalidUtf8AtItsLine()
    {
        using var temp = new TempDirectory();
        // 0xD8 opens an Arabic two-byte sequence; the newline cannot continue it.
        var path = temp.Write("latin1.txt", [.. "رياضة\nعنوان\nنص "u8, 0xD8, 0x0A]);

        var error = Assert.Single(new ScrapedPageReader(path).Read());

        Assert.Equal($"{path}:3: invalid UTF-8", error.ToString());
    }

    [Fact]
    public void ToleratesBomAndCrlf()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("crlf.txt", "\uFEFFرياضة\r\n\r\nعنوان الخبر\r\nالفقرة الأولى\r\n\r\nالفقرة الثانية\r\n");

        var record = Assert.IsType<CorpusRecord>(Assert.Single(new ScrapedPageReader(path).Read()));

        Assert.Equal("رياضة", record.Article.Category);
        Assert.Equal("عنوان الخبر", record.Article.Title);
        Assert.Equal("الفقرة الأولى\nالفقرة الثانية", record.Article.Body);
    }

    [Fact]
    public void RejectsBodyOverTheLimitAtItsFirstLine()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("long.txt", "رياضة\n\nعنوان\n\n" + new string('ب', 6) + "\n" + new string('ت', 6) + "\n");

        var error = Assert.Single(new ScrapedPageReader(path, maxBodyChars: 12).Read());

        Assert.Equal($"{path}:5: body is 13 characters; the limit is 12", error.ToString());
    }

    [Fact]
    public void ReportsMissingFileAsWholeFileError()
    {
        using var temp = new TempDirectory();
        var path = temp.File("gone.txt");

        var error = Assert.Single(new ScrapedPageReader(path).Read());

        Assert.Equal($"{path}: no such file or directory", error.ToString());
    }
}
